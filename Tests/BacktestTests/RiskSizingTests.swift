import Backtest
import Testing
import TradingCore
import TradingModel

/// The kernel sizes entries with the risk-based sizing variants.
@Suite struct RiskSizingTests {
    private func entry(_ sizing: PositionSizing, bars: [Bar]) throws -> Order {
        let configuration = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(bars.count - 2), "sell_at": .int(10_000)],
                                                  sizing: sizing)
        let result = try BacktestRunner.run(BuyThenSell.self, configuration: configuration,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
        return try #require(result.orders.first)
    }

    @Test func riskPerTradeSizesFromTheStopDistance() throws {
        // 1% of 10,000 at risk with a 2% stop: 5,000 of value, 50 units at 100.
        let order = try entry(.riskPerTrade(0.01, stop: 0.02), bars: Fixture.bars(Array(repeating: (100, 100, 100, 100), count: 5)))
        #expect(order.request.quantity == Fixed(50))
        #expect(order.request.quoteQuantity == nil)
        #expect(order.filledQuantity == Fixed(50))
    }

    @Test func volatilityTargetUsesTheATRAtTheSignalBar() throws {
        // Every bar has high 102, low 98, close 100: ATR(3) = 4, 4% of the price; 0.01 / 0.04 = 25% of equity.
        let order = try entry(.volatilityTarget(0.01, measure: .atr, period: 3),
                              bars: Fixture.bars(Array(repeating: (100, 102, 98, 100), count: 6)))
        #expect(order.request.quantity == Fixed(25))
    }

    @Test func volatilityTargetSendsNothingBeforeTheVolatilityIsKnown() throws {
        let configuration = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(1), "sell_at": .int(10_000)],
                                                  sizing: .volatilityTarget(0.01, measure: .atr, period: 14))
        let result = try BacktestRunner.run(BuyThenSell.self, configuration: configuration,
                                            series: [InstrumentSeries(instrument: Fixture.instrument,
                                                                      bars: Fixture.bars(Array(repeating: (100, 102, 98, 100), count: 5)))])
        #expect(result.orders.isEmpty)
        #expect(result.rejections.map(\.code) == ["instrument_rules"])
    }
}

@Suite struct RiskSweepPathTests {
    @Test(arguments: [
        (PositionSizing.allIn, false, true), (.fraction(0.5), false, true), (.fixed(Fixed(1)), false, true),
        (.riskPerTrade(0.01, stop: 0.02), false, false), (.halfKelly(cap: 0.2), false, false),
        (.volatilityTarget(0.01, measure: .stdev, period: 20), false, false), (.allIn, true, false),
    ])
    func vectorizedSweepOnlyRunsWhatItCanReproduceExactly(sizing: PositionSizing, risk: Bool, expected: Bool) {
        var configuration = Fixture.configuration(BuyThenSell.self, sizing: sizing)
        configuration.risk = risk ? RiskLimits() : nil
        #expect(SignalSimulator.supports(configuration, instruments: 1) == expected)
    }
}
