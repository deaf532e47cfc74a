import Backtest
import Simulation
import Testing
import TradingCore
import TradingModel

@Suite struct FillTimingTests {
    let bars = Fixture.bars([
        (100, 101, 99, 100), (102, 104, 101, 103), (105, 106, 104, 105), (107, 108, 106, 107), (106, 107, 105, 106),
    ])

    @Test func ordersDecidedOnABarFillAtTheNextOpen() throws {
        let config = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(0), "sell_at": .int(2)],
                                           matching: MatchingConfig(fees: FeeModel(makerRate: Fixed("0.001")!, takerRate: Fixed("0.001")!)))
        let result = try BacktestRunner.run(BuyThenSell.self, configuration: config,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
        #expect(result.trades.count == 1)
        let trade = try #require(result.trades.first)
        #expect(trade.entryPrice == Fixed(102))          // bar 1 open
        #expect(trade.exitPrice == Fixed(107))           // bar 3 open
        #expect(trade.entryTime == bars[1].time)
        #expect(trade.exitTime == bars[3].time)
        // All-in: 10,000 buys floor_lot(10000 / (102 * 1.001)) = 97.94127 (lot 0.00001).
        #expect(trade.quantity == Fixed("97.94127")!)
        let entryFee = Fixed("97.94127")! * Fixed(102) * Fixed("0.001")!
        let exitFee = Fixed("97.94127")! * Fixed(107) * Fixed("0.001")!
        #expect(trade.fee == entryFee + exitFee)
        #expect(trade.pnl == Fixed("97.94127")! * Fixed(5) - entryFee - exitFee)
        #expect(result.openPositions.isEmpty)
    }

    @Test func closeModeFillsAtTheDecidingBarsClose() throws {
        let config = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(0), "sell_at": .int(2)],
                                           matching: MatchingConfig(fillMode: .close, fees: .zero))
        let result = try BacktestRunner.run(BuyThenSell.self, configuration: config,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
        let trade = try #require(result.trades.first)
        #expect(trade.entryPrice == Fixed(100))          // bar 0 close
        #expect(trade.exitPrice == Fixed(105))           // bar 2 close
        #expect(trade.entryTime == bars[0].time + 3_600_000)
    }

    @Test func slippageMovesTakerFillsAdverselyOntoTheTick() throws {
        let config = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(0), "sell_at": .int(2)],
                                           matching: MatchingConfig(fees: .zero, slippage: SlippageModel(fixedBps: 10)))
        let result = try BacktestRunner.run(BuyThenSell.self, configuration: config,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
        let trade = try #require(result.trades.first)
        #expect(trade.entryPrice == Fixed("102.11"))     // 102 * 1.001 = 102.102 -> up to the tick
        #expect(trade.exitPrice == Fixed("106.89"))      // 107 * 0.999 = 106.893 -> down to the tick
    }

    @Test func aPositionOpenAtTheEndIsMarkedToMarket() throws {
        let config = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(2), "sell_at": .int(99)],
                                           matching: MatchingConfig(fees: .zero))
        let result = try BacktestRunner.run(BuyThenSell.self, configuration: config,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
        #expect(result.trades.isEmpty)
        let open = try #require(result.openPositions.first)
        #expect(open.entryPrice == Fixed(107))
        #expect(open.markPrice == Fixed(106))
        let expectedEquity = (Fixed(10_000) - open.quantity * Fixed(107)) + open.quantity * Fixed(106)
        #expect(result.equity.last?.value == expectedEquity.doubleValue)
    }

    @Test func higherTimeframeBarsBecomeVisibleOnlyAfterTheyClose() throws {
        let hourly = Fixture.bars(48)
        let config = Fixture.configuration(HigherTimeframeProbe.self)
        let result = try BacktestRunner.run(HigherTimeframeProbe.self, configuration: config,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: hourly)])
        let tags = result.orders.map(\.request.tag)
        #expect(tags.filter { $0.hasPrefix("violation") }.isEmpty)
        // The first 4h bucket is bars 0...3; it closes with bar 3, so bar 3 is the first to see it.
        #expect(tags.contains("seen1@3"))
    }
}
