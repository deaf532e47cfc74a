import Backtest
import MarketData
import Strategies
import Testing
import TradingAPI
import TradingCore
import TradingModel
@testable import TradingApp

/// `POST /api/v1/backtests` runs the strategy it names, with its parameters, on the symbol it names.
@Suite struct DemoAccountBacktestTests {
    private func direct<S: Strategy>(_ type: S.Type, _ values: [String: ParameterValue], symbol: String) throws -> PerformanceMetrics {
        var generator = try SyntheticBarGenerator(seed: 7, timeframe: .oneMinute)
        let bars = generator.generate(count: 3_000)
        let instrument = Instrument(symbol: symbol, tickSize: DemoAccount.btc.tickSize, lotSize: DemoAccount.btc.lotSize,
                                    minNotional: DemoAccount.btc.minNotional)
        let parameters = try S.parameterSpace.resolve(values, strategy: S.name)
        let configuration = BacktestConfiguration(strategy: S.name, parameters: parameters, instruments: [instrument],
                                                  timeframe: .oneMinute, data: [])
        return try BacktestRunner.run(S.self, configuration: configuration,
                                      series: [InstrumentSeries(instrument: instrument, bars: bars)]).metrics
    }

    @Test func theRequestedStrategyAndParametersRun() throws {
        let got = try DemoAccount.backtestMetrics(BacktestRequest(strategy: "ema_cross", symbol: "SOL/USDT",
                                                                  parameters: ["fast": 8, "slow": 40], bars: 3_000))
        let want = try direct(EmaCross.self, ["fast": .int(8), "slow": .int(40)], symbol: "SOL/USDT")
        #expect(got["trades"] == Double(want.trades))
        #expect(got["total_return"] == want.totalReturn)
        #expect(got["final_equity"] == want.finalEquity)
        let sma = try direct(SmaCross.self, ["fast": .int(8), "slow": .int(40)], symbol: "SOL/USDT")
        #expect(got["total_return"] != sma.totalReturn)
    }

    @Test func anUnknownStrategyIsAnError() {
        #expect(throws: StrategyLookupError.self) {
            try DemoAccount.backtestMetrics(BacktestRequest(strategy: "no_such", symbol: "BTC/USDT", bars: 500))
        }
    }
}
