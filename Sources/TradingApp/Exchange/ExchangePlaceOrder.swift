import ArgumentParser
import Foundation
import Logging
import TradingCore
import TradingModel

/// `graphwiz exchange order --exchange E --symbol S --side buy|sell --type market|limit|stop-market|stop-limit|take-profit
/// --quantity Q [--price P] [--stop-price P] [--quote-quantity Q] [--client-id ID] [--yes]`: places one real order
/// after confirmation.
struct ExchangePlaceOrder: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "order", abstract: "Place an order (asks to confirm unless --yes).")

    @OptionGroup var connection: ExchangeConnectionOptions

    @Option(help: "Unified symbol, e.g. BTC/USDT.")
    var symbol: String

    @Option(help: "buy or sell.")
    var side: String

    @Option(help: "market, limit, stop-market, stop-limit or take-profit.")
    var type: String = "limit"

    @Option(help: "Base quantity.")
    var quantity: String?

    @Option(help: "Quote amount to spend (market orders only, instead of --quantity).")
    var quoteQuantity: String?

    @Option(help: "Limit price (limit, stop-limit; take-profit becomes take-profit-limit).")
    var price: String?

    @Option(help: "Trigger price (stop-market, stop-limit, take-profit).")
    var stopPrice: String?

    @Option(help: "gtc, ioc or fok.")
    var timeInForce: String = "gtc"

    @Option(help: "Client order id (default: a new gw-... id).")
    var clientId: String?

    @Flag(help: "Place the order without asking.")
    var yes = false

    func validate() throws { _ = try request() }

    /// The order request the options describe.
    func request() throws -> OrderRequest {
        guard let side = OrderSide(rawValue: side.lowercased()) else {
            throw ValidationError("--side '\(side)' must be buy or sell")
        }
        guard let type = OrderType(rawValue: type.lowercased().replacingOccurrences(of: "-", with: "_")) else {
            throw ValidationError("--type '\(type)' must be one of market, limit, stop-market, stop-limit, take-profit")
        }
        guard let tif = TimeInForce(rawValue: timeInForce.lowercased()) else {
            throw ValidationError("--time-in-force '\(timeInForce)' must be gtc, ioc or fok")
        }
        func decimal(_ text: String?, _ option: String) throws -> Fixed? {
            guard let text else { return nil }
            guard let value = Fixed(text), value.isPositive else {
                throw ValidationError("\(option) '\(text)' must be a positive decimal number")
            }
            return value
        }
        let quantity = try decimal(quantity, "--quantity")
        let quote = try decimal(quoteQuantity, "--quote-quantity")
        if quantity == nil && quote == nil { throw ValidationError("give --quantity (or --quote-quantity for a market order)") }
        if quote != nil && type != .market { throw ValidationError("--quote-quantity is only for --type market") }
        let request = OrderRequest(clientOrderId: clientId ?? "gw-" + UUID().uuidString.prefix(18).lowercased(),
                                   symbol: symbol.uppercased(), side: side, type: type, quantity: quantity ?? .zero,
                                   quoteQuantity: quote, limitPrice: try decimal(price, "--price"),
                                   stopPrice: try decimal(stopPrice, "--stop-price"), timeInForce: tif)
        if let problem = request.validateShape() { throw ValidationError("--type \(self.type): \(problem)") }
        return request
    }

    func run() async throws {
        try await perform(confirm: { prompt in
            print(prompt + " Type yes to place it: ", terminator: "")
            return readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes"
        }).emit()
    }

    func perform(environment: [String: String] = ProcessInfo.processInfo.environment,
                 logger: Logger = ExchangeCommandLogging.logger(),
                 confirm: (String) -> Bool = { _ in false }) async throws -> DataCommandOutput {
        let request = try request()
        let context = try ExchangeCommandContext(options: connection, environment: environment, logger: logger)
        try context.requireKeys()
        let summary = Self.summary(request, venue: context.exchange.name)
        if !yes && !confirm("About to place a REAL order: \(summary).") {
            return DataCommandOutput(["Not placed: \(summary) (confirm, or pass --yes)."], exitCode: 1)
        }
        try await context.exchange.submit(request)
        let events = await context.events(for: request.clientOrderId) {
            if case .accepted = $0 { return true }
            if case .rejected = $0 { return true }
            return false
        }
        if case let .rejected(_, reason, _) = events.last {
            return DataCommandOutput(["Rejected: \(summary): \(reason)"], exitCode: 1)
        }
        var lines = ["Placed \(summary)."]
        if let order = try await context.exchange.order(clientOrderId: request.clientOrderId, symbol: request.symbol) {
            var state = "Status \(order.status.rawValue), venue id \(order.venueOrderId), filled \(order.filledQuantity)"
            if let average = order.averageFillPrice { state += " at average \(average)" }
            lines.append(state + ".")
        }
        return DataCommandOutput(lines)
    }

    /// `BUY LIMIT 0.001 BTC/USDT @ 40000 on binance as gw-...`.
    static func summary(_ r: OrderRequest, venue: String) -> String {
        var text = "\(r.side.rawValue.uppercased()) \(r.type.rawValue.uppercased()) "
        text += r.quoteQuantity.map { "\($0) quote of" } ?? "\(r.quantity)"
        text += " \(r.symbol)"
        if let price = r.limitPrice { text += " @ \(price)" }
        if let stop = r.stopPrice { text += " stop \(stop)" }
        return text + " on \(venue) as \(r.clientOrderId)"
    }
}
