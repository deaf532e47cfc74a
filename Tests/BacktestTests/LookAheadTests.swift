import Backtest
import Simulation
import Strategies
import Testing
import TradingCore
import TradingModel

/// A strategy must not see the future: changing bars after index k must not change any order decided at or
/// before bar k.
@Suite struct LookAheadTests {
    static let strategies: [(String, [String: ParameterValue])] = [
        ("sma_cross", [:]), ("ema_cross", [:]), ("rsi_reversion", [:]), ("macd_cross", [:]),
        ("bollinger_reversion", [:]), ("donchian_breakout", [:]), ("supertrend_trend", ["htf": .string("4h")]),
        ("grid", ["spacing_pct": .double(0.5)]), ("dca", ["interval": .int(10), "take_profit_pct": .double(2)]),
    ]

    static func perturbed(_ bars: [Bar], after cut: Int, seed: UInt64) -> [Bar] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var out = bars
        for i in (cut + 1)..<bars.count {
            let base = out[i - 1].close
            let open = base * (0.97 + 0.06 * next())
            let close = open * (0.95 + 0.1 * next())
            out[i] = Bar(time: bars[i].time, open: open, high: max(open, close) * (1 + 0.02 * next()),
                         low: min(open, close) * (1 - 0.02 * next()), close: close, volume: bars[i].volume * (0.5 + next()))
        }
        return out
    }

    /// Orders created up to and including `time`, as (time, side, type, quantity, quote, limit, stop, tag).
    static func decisions(_ result: BacktestResult, upTo time: Int64) -> [String] {
        result.orders.filter { $0.createdAt <= time }.map {
            let r = $0.request
            return "\($0.createdAt) \(r.side) \(r.type) \(r.quantity) \(r.quoteQuantity?.description ?? "-") "
                + "\(r.limitPrice?.description ?? "-") \(r.stopPrice?.description ?? "-") \(r.tag)"
        }
    }

    @Test(arguments: [FillMode.nextOpen, .close])
    func pastDecisionsDoNotDependOnFutureBars(_ mode: FillMode) throws {
        let bars = Fixture.bars(1_500, seed: 5)
        let cut = 900
        for (name, parameters) in Self.strategies {
            let type = try StrategyRegistry.strategy(named: name)
            let config = Fixture.configuration(type, parameters: parameters, matching: MatchingConfig(fillMode: mode),
                                               sizing: .fraction(0.5), allowShort: true)
            let original = try BacktestRunner.run(strategyType: type, configuration: config,
                                                  series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
            #expect(!original.orders.isEmpty, "\(name) should place orders")
            for seed in [1, 2] as [UInt64] {
                let changed = try BacktestRunner.run(
                    strategyType: type, configuration: config,
                    series: [InstrumentSeries(instrument: Fixture.instrument, bars: Self.perturbed(bars, after: cut, seed: seed))])
                let before = Self.decisions(original, upTo: bars[cut].time)
                #expect(before == Self.decisions(changed, upTo: bars[cut].time), "\(name) changed a past decision")
                #expect(original.equity[cut] == changed.equity[cut], "\(name) equity at the cut")
                // And the future really was different (the test can fail).
                #expect(Self.decisions(original, upTo: .max) != Self.decisions(changed, upTo: .max) || original.orders.count < 3)
            }
        }
    }
}
