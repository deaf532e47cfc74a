import ArgumentParser
import Foundation
import Logging
import TradingModel

/// `graphwiz exchange markets --exchange E [--symbol S]`: the venue's markets and their trading rules.
struct ExchangeMarkets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "markets",
                                                    abstract: "List markets with tick size, lot size and minimums.")

    @OptionGroup var connection: ExchangeConnectionOptions

    @Option(help: "Only this unified symbol, e.g. BTC/USDT.")
    var symbol: String?

    func run() async throws { try await perform().emit() }

    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 logger: Logger = ExchangeCommandLogging.logger()) async throws -> DataCommandOutput {
        let context = try ExchangeCommandContext(options: connection, environment: environment, logger: logger)
        var instruments = try await context.exchange.instruments().sorted { $0.symbol < $1.symbol }
        if let symbol { instruments = instruments.filter { $0.symbol == symbol.uppercased() } }
        var lines = ["\(context.exchange.name): \(instruments.count) market\(instruments.count == 1 ? "" : "s")"]
        lines.append("symbol      tick        lot         min qty     min notional")
        for i in instruments {
            lines.append([i.symbol, "\(i.tickSize)", "\(i.lotSize)", "\(i.minQuantity)", "\(i.minNotional)"]
                .map { $0.padding(toLength: max(12, $0.count + 1), withPad: " ", startingAt: 0) }.joined()
                .trimmingCharacters(in: .whitespaces))
        }
        return DataCommandOutput(lines)
    }
}
