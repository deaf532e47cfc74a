import TradingCore
import TradingModel

/// A spot grid: resting limit buys at `levels` steps of `spacing_pct` below the anchor price; each filled buy
/// places a limit sell one step above it, each filled sell re-places the buy one step below. The anchor is the
/// first close and moves to the current close when price leaves the grid and every order has been closed.
public struct GridStrategy: Strategy {
    public static let name = "grid"
    public static let summary = "Limit-order grid: buy each step down, sell one step up."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("levels", .int(min: 1, max: 50, step: 1), default: .int(5), help: "buy levels below the anchor"),
        ParameterSpec("spacing_pct", .double(min: 0.05, max: 20, step: 0.05), default: .double(1), help: "distance between levels in percent"),
        ParameterSpec("level_fraction", .double(min: 0.01, max: 1, step: 0.01), default: .double(0.1), help: "equity fraction per level"),
    ])

    private let levels: Int
    private let spacing: Double
    private let levelFraction: Double
    private var anchor = 0.0
    private var started = false

    public init(parameters: ParameterValues) throws(ParameterError) {
        levels = parameters.int("levels")
        spacing = parameters.double("spacing_pct") / 100
        levelFraction = parameters.double("level_fraction")
        guard Double(levels) * levelFraction <= 1.0 + 1e-9 else {
            throw .constraint("grid: levels x level_fraction must be <= 1 (got \(Double(levels) * levelFraction))")
        }
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let working = context.workingOrders[instrument]
        let held = context.position(instrument)
        if !started || (working.isEmpty && held.isZero) {
            // (Re)anchor the grid at the current close.
            started = true
            anchor = bar.close
            let budget = context.equity.doubleValue * levelFraction
            for level in 1...levels {
                let price = anchor * pow1(1 - spacing, level)
                let quantity = Fixed(budget / price)
                context.place(OrderSpec(instrument: instrument, side: .buy, type: .limit, quantity: quantity,
                                        limitPrice: Fixed(price), tag: "grid_buy_\(level)"))
            }
        }
    }

    public mutating func onFill(_ fill: Fill, instrument: Int, context: inout StrategyContext) {
        let price = fill.price.doubleValue
        if fill.side == .buy {
            context.place(OrderSpec(instrument: instrument, side: .sell, type: .limit, quantity: fill.quantity,
                                    limitPrice: Fixed(price * (1 + spacing)), reduceOnly: true, tag: "grid_sell"))
        } else {
            context.place(OrderSpec(instrument: instrument, side: .buy, type: .limit, quantity: fill.quantity,
                                    limitPrice: Fixed(price * (1 - spacing)), tag: "grid_rebuy"))
        }
    }

    private func pow1(_ base: Double, _ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= base }
        return r
    }
}
