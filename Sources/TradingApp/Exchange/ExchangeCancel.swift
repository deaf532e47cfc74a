import ArgumentParser
import Foundation
import Logging
import TradingModel

/// `graphwiz exchange cancel --exchange E --symbol S --id CLIENT_ID`: cancels one order.
struct ExchangeCancel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order by client order id.")

    @OptionGroup var connection: ExchangeConnectionOptions

    @Option(help: "Unified symbol, e.g. BTC/USDT.")
    var symbol: String

    @Option(help: "The order's client order id.")
    var id: String

    func run() async throws { try await perform().emit() }

    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 logger: Logger = ExchangeCommandLogging.logger()) async throws -> DataCommandOutput {
        let context = try ExchangeCommandContext(options: connection, environment: environment, logger: logger)
        try context.requireKeys()
        let symbol = symbol.uppercased()
        try await context.exchange.cancel(clientOrderId: id, symbol: symbol)
        let events = await context.events(for: id) {
            if case .canceled = $0 { return true }
            if case .cancelRejected = $0 { return true }
            return false
        }
        if case let .cancelRejected(_, reason, _) = events.last {
            return DataCommandOutput(["Not canceled: \(id) on \(symbol): \(reason)"], exitCode: 1)
        }
        return DataCommandOutput(["Canceled \(id) on \(symbol) at \(context.exchange.name)."])
    }
}
