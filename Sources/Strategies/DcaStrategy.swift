import TradingCore
import TradingModel

/// Dollar-cost averaging: buy a fixed share of the starting cash every `interval` bars; optionally sell
/// everything when the price is `take_profit_pct` above the average entry, then start again.
public struct DcaStrategy: Strategy {
    public static let name = "dca"
    public static let summary = "Buy a fixed amount every N bars; optional take-profit on the whole position."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("interval", .int(min: 1, max: 100_000, step: 1), default: .int(24), help: "bars between buys"),
        ParameterSpec("amount_fraction", .double(min: 0.001, max: 1, step: 0.001), default: .double(0.05), help: "share of the initial cash per buy"),
        ParameterSpec("take_profit_pct", .double(min: 0, max: 1000, step: 0.5), default: .double(0), help: "sell all this far above the average entry (0 = never)"),
    ])

    private let interval: Int
    private let amountFraction: Double
    private let takeProfit: Double
    private var barsSeen = 0

    public init(parameters: ParameterValues) throws(ParameterError) {
        interval = parameters.int("interval")
        amountFraction = parameters.double("amount_fraction")
        takeProfit = parameters.double("take_profit_pct") / 100
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        defer { barsSeen += 1 }
        let position = context.portfolio.positions[instrument]
        if takeProfit > 0, position.isLong,
           bar.close >= position.averageEntryPrice.doubleValue * (1 + takeProfit),
           context.workingOrders[instrument].isEmpty {
            context.place(OrderSpec(instrument: instrument, side: .sell, quantity: position.quantity,
                                    reduceOnly: true, tag: "dca_take_profit"))
            return
        }
        guard barsSeen % interval == 0 else { return }
        let amount = Fixed(context.portfolio.initialCash.doubleValue * amountFraction)
        if amount <= context.portfolio.cash {
            context.place(OrderSpec(instrument: instrument, side: .buy, quoteAmount: amount, tag: "dca_buy"))
        }
    }
}
