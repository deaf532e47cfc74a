import Testing
import TradingCore
import TradingModel

/// Replacing the risk limits of a running engine, kernel and session (the service's SIGHUP reload).
@Suite("Risk limits reload")
struct RiskLimitsReloadTests {
    /// 50 units held at 100 (equity 10,000); each price drives one bar through the engine.
    private func bars(_ engine: inout RiskEngine, _ portfolio: inout Portfolio, prices: [Double], from start: Int = 0) -> [RiskAction] {
        var actions: [RiskAction] = []
        for (offset, price) in prices.enumerated() {
            portfolio.mark(0, price: price)
            engine.evaluate(RiskFixture.bar(portfolio, time: RiskFixture.t0 + Int64(start + offset) * 3_600_000), actions: &actions)
        }
        return actions
    }

    @Test("a lowered max_drawdown the current drawdown already exceeds halts on the next bar, not at the reload")
    func loweredDrawdownHaltsOnTheNextBar() throws {
        var engine = RiskFixture.engine { $0.dailyLossLimit = 1 }
        var portfolio = RiskFixture.portfolio(holdings: [50])
        #expect(bars(&engine, &portfolio, prices: [100, 85]).isEmpty)  // 7.5% below the peak: under 15%
        #expect(engine.state == .active)
        let changed = try engine.updateLimits(RiskFixture.limits { $0.dailyLossLimit = 1; $0.maxDrawdown = 0.05 },
                                              time: RiskFixture.t0 + 7_200_000)
        #expect(changed == ["max_drawdown"])
        #expect(engine.state == .active)
        #expect(engine.limits.maxDrawdown == 0.05)
        #expect(engine.events.last?.kind == .limitsUpdated)
        #expect(engine.events.last?.reason == "limits reloaded: max_drawdown 0.15 -> 0.05")
        let actions = bars(&engine, &portfolio, prices: [85], from: 2)
        #expect(engine.state == .halted)
        #expect(engine.events.map(\.code) == ["limits_updated", "max_drawdown", "max_drawdown", "max_drawdown"])
        #expect(actions.count == 2)  // cancel all, flatten
    }

    @Test("the peak and the state survive a reload; lifting a limit never resumes a halted engine")
    func stateSurvivesAndHaltStays() throws {
        var engine = RiskFixture.engine { $0.dailyLossLimit = 1 }
        var portfolio = RiskFixture.portfolio(holdings: [50])
        _ = bars(&engine, &portfolio, prices: [100, 110, 70])  // 10,500 peak -> 8,500: 19% down, halted
        #expect(engine.state == .halted)
        let peak = engine.peakEquity
        try engine.updateLimits(RiskFixture.limits { $0.dailyLossLimit = 1; $0.maxDrawdown = 0.5 }, time: RiskFixture.t0)
        _ = bars(&engine, &portfolio, prices: [71], from: 3)
        #expect(engine.state == .halted)
        #expect(engine.peakEquity == peak)
    }

    @Test("invalid limits are refused with the key named and the engine keeps its limits")
    func invalidLimitsAreRefused() {
        var engine = RiskFixture.engine()
        #expect(throws: RiskLimitsError.self) {
            try engine.updateLimits(RiskFixture.limits { $0.maxDrawdown = 1.5 }, time: RiskFixture.t0)
        }
        do {
            try engine.updateLimits(RiskFixture.limits { $0.maxPositionFraction = 0 }, time: RiskFixture.t0)
            Issue.record("a zero max_position_fraction was accepted")
        } catch {
            #expect(error.description.hasPrefix("risk.max_position_fraction must be"))
        }
        #expect(engine.limits == RiskLimits())
        #expect(engine.events.isEmpty)
    }

    @Test("the same limits change nothing and record no event; nested sections are named as a whole")
    func changesAreListedInConfigOrder() throws {
        var engine = RiskFixture.engine()
        #expect(try engine.updateLimits(RiskLimits(), time: RiskFixture.t0).isEmpty)
        #expect(engine.events.isEmpty)
        var next = RiskLimits()
        next.maxOpenPositions = 3
        next.priceBand = 0.02
        next.cooldown.count += 1
        #expect(RiskLimits.changes(from: RiskLimits(), to: next).map(\.description)
                == ["max_open_positions 10 -> 3", "price_band 0.05 -> 0.02", "cooldown changed"])
    }

    @Test("a raised max_position_fraction lets a larger order through after the reload")
    func raisedPositionLimitAppliesToTheNextCheck() throws {
        var engine = RiskFixture.engine()
        let portfolio = RiskFixture.portfolio()
        #expect(RiskFixture.code(&engine, RiskFixture.buy("15"), RiskFixture.context(portfolio)).0 == "max_position")
        try engine.updateLimits(RiskFixture.limits { $0.maxPositionFraction = 0.2 }, time: RiskFixture.t0)
        #expect(RiskFixture.code(&engine, RiskFixture.buy("15"), RiskFixture.context(portfolio)).0 == nil)
    }

    @Test("a resized correlation window keeps the newest returns, in order")
    func resizedWindowKeepsTheNewestReturns() {
        let a = [100.0, 103, 99, 104, 101, 107, 102, 108]
        let b = [50.0, 51, 50.5, 52, 50, 53, 52.5, 54]
        var long = RollingCorrelation(instruments: 2, window: 7)
        for (x, y) in zip(a, b) { long.record(0, price: x); long.record(1, price: y) }
        // Shrunk to 4: the same as a tracker that only ever saw the last 5 prices (4 returns).
        var fresh = RollingCorrelation(instruments: 2, window: 4)
        for (x, y) in zip(a.suffix(5), b.suffix(5)) { fresh.record(0, price: x); fresh.record(1, price: y) }
        var shrunk = long.resized(window: 4)
        #expect(shrunk.window == 4)
        #expect(abs(shrunk.correlation(0, 1)! - fresh.correlation(0, 1)!) < 1e-12)
        // Grown to 20 it keeps all 7 and goes on from the last price.
        var grown = long.resized(window: 20)
        var wide = RollingCorrelation(instruments: 2, window: 20)
        for (x, y) in zip(a, b) { wide.record(0, price: x); wide.record(1, price: y) }
        grown.record(0, price: 105); grown.record(1, price: 53)
        wide.record(0, price: 105); wide.record(1, price: 53)
        shrunk.record(0, price: 105); shrunk.record(1, price: 53)
        fresh.record(0, price: 105); fresh.record(1, price: 53)
        #expect(abs(grown.correlation(0, 1)! - wide.correlation(0, 1)!) < 1e-12)
        #expect(abs(shrunk.correlation(0, 1)! - fresh.correlation(0, 1)!) < 1e-12)
    }

    @Test("a kernel on the basic checks has no limits to replace")
    func basicChecksKernelHasNoLimits() throws {
        let parameters = try LiveScriptStrategy.parameterSpace.resolve([:], strategy: "live_script")
        var kernel = TradingKernel(strategy: try LiveScriptStrategy(parameters: parameters),
                                   portfolio: RiskFixture.portfolio(), sizing: .fixed(Fixed(1)), allowShort: false)
        #expect(try kernel.updateRiskLimits(RiskLimits(), time: RiskFixture.t0) == nil)
    }

    @Test("a session without limits refuses; limits given before the first bar build its engine")
    func sessionReload() async throws {
        let plain = try LiveSessionTests.session(venue: LiveFakeExchange(instruments: [LiveFixture.btc]),
                                                 journal: InMemoryOrderJournal(), closes: [100, 101, 102])
        await #expect(throws: SessionError.self) { try await plain.updateRiskLimits(RiskLimits()) }

        // The script buys 2 BTC at 101 (2% of 10,000): allowed by the 10% default, refused at 1%.
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let session = try Self.session(venue: venue, closes: [100, 101, 102, 104], limits: RiskLimits())
        var strict = RiskLimits()
        strict.maxPositionFraction = 0.01
        do {
            _ = try await session.updateRiskLimits(RiskFixture.limits { $0.maxDrawdown = 3 })
            Issue.record("invalid limits were accepted")
        } catch {
            #expect("\(error)".contains("risk.max_drawdown"))
        }
        #expect(try await session.updateRiskLimits(strict) == ["max_position_fraction"])
        _ = try await session.start()
        try await session.run()
        let snapshot = await session.snapshot()
        #expect(snapshot.fills == 0)
        #expect(snapshot.rejections.map(\.code).contains("max_position"))
    }

    static func session(venue: LiveFakeExchange, closes: [Double], limits: RiskLimits) throws -> TradingSession<LiveScriptStrategy> {
        let parameters = try LiveScriptStrategy.parameterSpace.resolve(["enter": .int(1), "exit": .int(3)], strategy: "live_script")
        return TradingSession(
            strategy: try LiveScriptStrategy(parameters: parameters), parameters: parameters,
            configuration: TradingSessionConfiguration(sessionId: "reload", symbols: ["BTC/USDT"], timeframe: Timeframe(seconds: 3_600),
                                                       sizing: .fixed(Fixed(2)), riskLimits: limits, idPrefix: "r", stopWhenFeedEnds: true),
            exchange: venue, marketData: LiveArrayFeed(bars: LiveFixture.bars(closes)), journal: InMemoryOrderJournal(),
            clock: VirtualClock(start: 10_000))
    }
}
