import ArgumentParser
import Foundation
import Logging
import TradingModel

/// `graphwiz exchange orders --exchange E [--symbol S]`: open orders.
struct ExchangeOrders: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "orders", abstract: "List open orders.")

    @OptionGroup var connection: ExchangeConnectionOptions

    @Option(help: "Only this unified symbol, e.g. BTC/USDT.")
    var symbol: String?

    func run() async throws { try await perform().emit() }

    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 logger: Logger = ExchangeCommandLogging.logger()) async throws -> DataCommandOutput {
        let context = try ExchangeCommandContext(options: connection, environment: environment, logger: logger)
        try context.requireKeys()
        let orders = try await context.exchange.openOrders(symbol: symbol).sorted { $0.createdAt < $1.createdAt }
        var lines = ["\(context.exchange.name): \(orders.count) open order\(orders.count == 1 ? "" : "s")"]
        for order in orders { lines.append(Self.line(order)) }
        return DataCommandOutput(lines)
    }

    /// `<id> <symbol> <side> <type> <qty> [@ price] [stop s] <status> filled <q>`.
    static func line(_ order: Order) -> String {
        let r = order.request
        var text = "\(r.clientOrderId) \(r.symbol) \(r.side.rawValue) \(r.type.rawValue) \(r.quantity)"
        if let price = r.limitPrice { text += " @ \(price)" }
        if let stop = r.stopPrice { text += " stop \(stop)" }
        text += " \(order.status.rawValue) filled \(order.filledQuantity)"
        if !order.venueOrderId.isEmpty { text += " (venue id \(order.venueOrderId))" }
        return text
    }
}
