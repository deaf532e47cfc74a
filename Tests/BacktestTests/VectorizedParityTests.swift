import Backtest
import Simulation
import Strategies
import Testing
import TradingCore
import TradingModel

/// The vectorized sweep path must give exactly the trades of the event-driven engine.
@Suite struct VectorizedParityTests {
    static let bars = Fixture.bars(6_000, seed: 3)

    struct Case: Sendable, CustomStringConvertible {
        var strategy: String
        var parameters: [String: ParameterValue]
        var matching: MatchingConfig
        var sizing: PositionSizing
        var allowShort: Bool
        var description: String { "\(strategy) \(parameters) \(matching.fillMode) short=\(allowShort) \(sizing)" }
    }

    static let cases: [Case] = {
        let costly = MatchingConfig(fees: FeeModel(makerRate: Fixed("0.0002")!, takerRate: Fixed("0.00075")!),
                                    slippage: SlippageModel(fixedBps: 3, volumeImpact: 0.05))
        let close = MatchingConfig(fillMode: .close, fees: FeeModel(makerRate: Fixed("0.001")!, takerRate: Fixed("0.001")!),
                                   slippage: SlippageModel(fixedBps: 1))
        return [
            Case(strategy: "sma_cross", parameters: ["fast": .int(5), "slow": .int(20)], matching: MatchingConfig(), sizing: .allIn, allowShort: false),
            Case(strategy: "sma_cross", parameters: ["fast": .int(12), "slow": .int(50)], matching: costly, sizing: .allIn, allowShort: true),
            Case(strategy: "sma_cross", parameters: ["fast": .int(8), "slow": .int(30)], matching: close, sizing: .fraction(0.5), allowShort: true),
            Case(strategy: "sma_cross", parameters: ["fast": .int(3), "slow": .int(9)], matching: costly, sizing: .fixed(Fixed("0.05")!), allowShort: true),
            Case(strategy: "ema_cross", parameters: ["fast": .int(10), "slow": .int(40)], matching: costly, sizing: .allIn, allowShort: false),
            Case(strategy: "ema_cross", parameters: ["fast": .int(6), "slow": .int(21)], matching: close, sizing: .allIn, allowShort: true),
            Case(strategy: "rsi_reversion", parameters: ["period": .int(14)], matching: MatchingConfig(), sizing: .allIn, allowShort: false),
            Case(strategy: "rsi_reversion", parameters: ["period": .int(7), "oversold": .double(25), "overbought": .double(75)],
                 matching: close, sizing: .fraction(0.3), allowShort: true),
        ]
    }()

    @Test(arguments: cases)
    func vectorizedTradesEqualEventDrivenTrades(_ c: Case) throws {
        let type = try StrategyRegistry.strategy(named: c.strategy)
        let signalType = try #require(type as? any SignalStrategy.Type)
        let config = Fixture.configuration(type, parameters: c.parameters, matching: c.matching, sizing: c.sizing,
                                           allowShort: c.allowShort)
        let series = InstrumentSeries(instrument: Fixture.instrument, bars: Self.bars)
        let eventDriven = try BacktestRunner.run(strategyType: type, configuration: config, series: [series], runId: "p")
        let cache = IndicatorCache(BarColumns(Self.bars))
        let signals = signalType.signals(cache.columns, parameters: config.parameters, cache: cache)
        let vectorized = try SignalSimulator.run(signals: signals, series: series, configuration: config, idPrefix: "p",
                                                 keepTrades: true)
        #expect(eventDriven.trades.count > 5, "the case should trade")
        #expect(vectorized.trades == eventDriven.trades)
        #expect(vectorized.metrics.trades == eventDriven.metrics.trades)
        #expect(abs(vectorized.finalEquity - eventDriven.metrics.finalEquity) <= 1e-6 * eventDriven.metrics.finalEquity)
        #expect(abs(vectorized.metrics.maxDrawdown - eventDriven.metrics.maxDrawdown) < 1e-9)
        #expect(abs(vectorized.metrics.sharpe - eventDriven.metrics.sharpe) < 1e-6)
        #expect(vectorized.metrics.feesPaid == eventDriven.metrics.feesPaid)
    }

    @Test func aSweepRanksTheSameRowsWithEitherEngine() throws {
        let config = Fixture.configuration(SmaCross.self, matching: MatchingConfig(slippage: SlippageModel(fixedBps: 2)))
        let grid = try ParameterGrid(["fast=4..12:4", "slow=20,40"], space: SmaCross.parameterSpace, strategy: SmaCross.name)
        let series = InstrumentSeries(instrument: Fixture.instrument, bars: Self.bars)
        let fast = try SweepRunner.run(strategyType: SmaCross.self, grid: grid, base: config, series: series)
        let slow = try SweepRunner.run(strategyType: SmaCross.self, grid: grid, base: config, series: series, forceEventDriven: true)
        #expect(fast.engine == "vectorized")
        #expect(slow.engine == "event-driven")
        #expect(fast.rows.count == 6)
        #expect(fast.rows.map(\.parameters) == slow.rows.map(\.parameters))
        #expect(fast.rows.map(\.metrics.trades) == slow.rows.map(\.metrics.trades))
        for (a, b) in zip(fast.rows, slow.rows) {
            #expect(abs(a.metrics.totalReturn - b.metrics.totalReturn) < 1e-9)
        }
    }

    @Test func invalidCombinationsAreSkippedWithTheirReason() throws {
        let config = Fixture.configuration(SmaCross.self)
        let grid = try ParameterGrid(["fast=10,30", "slow=20"], space: SmaCross.parameterSpace, strategy: SmaCross.name)
        let result = try SweepRunner.run(strategyType: SmaCross.self, grid: grid, base: config,
                                         series: InstrumentSeries(instrument: Fixture.instrument, bars: Fixture.bars(200)))
        #expect(result.rows.count == 1)
        #expect(result.skipped.count == 1)
        #expect(result.skipped[0].contains("fast (30) must be below slow (20)"))
    }
}
