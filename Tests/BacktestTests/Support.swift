import Backtest
import MarketData
import Simulation
import Strategies
import TradingCore
import TradingModel

/// Shared fixtures for backtest tests.
enum Fixture {
    static let instrument = Instrument(symbol: "SYNTH/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                       minNotional: Fixed(5), allowShort: true)

    static func bars(_ count: Int, seed: UInt64 = 11, timeframe: Timeframe = .oneHour) -> [Bar] {
        var generator = try! SyntheticBarGenerator(seed: seed, timeframe: timeframe)
        return generator.generate(count: count)
    }

    static func configuration(_ strategy: any Strategy.Type, parameters: [String: ParameterValue] = [:],
                              timeframe: Timeframe = .oneHour, matching: MatchingConfig = MatchingConfig(),
                              sizing: PositionSizing = .allIn, allowShort: Bool = false,
                              instruments: [Instrument] = [instrument]) -> BacktestConfiguration {
        BacktestConfiguration(
            strategy: strategy.name,
            parameters: try! strategy.parameterSpace.resolve(parameters, strategy: strategy.name),
            instruments: instruments, timeframe: timeframe,
            data: instruments.map { DataSourceDescription(kind: "test", symbol: $0.symbol, timeframe: timeframe) },
            initialCash: Fixed(10_000), matching: matching, sizing: sizing, allowShort: allowShort)
    }

    /// Hand-made bars: (open, high, low, close), one hour apart from 2024-01-01.
    static func bars(_ ohlc: [(Double, Double, Double, Double)], volume: Double = 1_000) -> [Bar] {
        ohlc.enumerated().map { i, p in
            Bar(time: 1_704_067_200_000 + Int64(i) * 3_600_000, open: p.0, high: p.1, low: p.2, close: p.3, volume: volume)
        }
    }
}

/// Buys at market after bar `buyAt`, sells everything after bar `sellAt` (test strategy).
struct BuyThenSell: Strategy {
    static let name = "buy_then_sell"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([
        ParameterSpec("buy_at", .int(min: 0, max: 1_000_000, step: 1), default: .int(0), help: ""),
        ParameterSpec("sell_at", .int(min: 0, max: 1_000_000, step: 1), default: .int(2), help: ""),
    ])
    let buyAt: Int, sellAt: Int
    init(parameters: ParameterValues) throws(ParameterError) {
        buyAt = parameters.int("buy_at")
        sellAt = parameters.int("sell_at")
    }
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        if context.barIndex == buyAt { context.target(instrument, .long, tag: "buy") }
        if context.barIndex == sellAt { context.target(instrument, .flat, tag: "sell") }
    }
}

/// Records, at every base bar, how many higher-timeframe bars it can see and the last one's time.
struct HigherTimeframeProbe: Strategy {
    static let name = "htf_probe"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([])
    let higherTimeframes = [Timeframe(seconds: 4 * 3600)]
    var reported = false
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let visible = context.closedBars(instrument, timeframe: 0)
        // What it saw is reported through tagged orders the result keeps.
        if let last = visible.last, last.time + 4 * 3_600_000 > bar.time + 3_600_000 {
            context.place(OrderSpec(instrument: instrument, side: .buy, quoteAmount: Fixed(10), tag: "violation@\(context.barIndex)"))
        }
        if visible.count == 1 && !reported {
            reported = true
            context.place(OrderSpec(instrument: instrument, side: .buy, quoteAmount: Fixed(100), tag: "seen1@\(context.barIndex)"))
        }
    }
}
