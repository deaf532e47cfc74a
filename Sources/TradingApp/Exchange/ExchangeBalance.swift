import ArgumentParser
import Foundation
import Logging

/// `graphwiz exchange balance --exchange E`: non-zero balances of the account.
struct ExchangeBalance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "balance", abstract: "Show account balances.")

    @OptionGroup var connection: ExchangeConnectionOptions

    func run() async throws { try await perform().emit() }

    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 logger: Logger = ExchangeCommandLogging.logger()) async throws -> DataCommandOutput {
        let context = try ExchangeCommandContext(options: connection, environment: environment, logger: logger)
        try context.requireKeys()
        let balances = try await context.exchange.balances().sorted { $0.asset < $1.asset }
        var lines = ["\(context.exchange.name): \(balances.count) asset\(balances.count == 1 ? "" : "s")"]
        for b in balances { lines.append("\(b.asset): free \(b.free), locked \(b.locked), total \(b.total)") }
        return DataCommandOutput(lines)
    }
}
