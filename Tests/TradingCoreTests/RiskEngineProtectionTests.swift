import Testing
import TradingCore
import TradingModel

/// Daily loss limit and max drawdown, at their exact boundaries. 50 units held at 100, cash 5,000, equity 10,000:
/// every 1.00 the price falls costs 50 (0.5% of equity).
@Suite struct RiskEngineProtectionTests {
    private func run(_ engine: inout RiskEngine, prices: [(Double, Int64)]) -> [RiskAction] {
        var portfolio = RiskFixture.portfolio(holdings: [50])
        var actions: [RiskAction] = []
        for (price, time) in prices {
            portfolio.mark(0, price: price)
            engine.evaluate(RiskFixture.bar(portfolio, time: time), actions: &actions)
        }
        return actions
    }

    @Test(arguments: [(90.02, TradingState.active), (90.0, .reducing)])
    func dailyLossBoundary(price: Double, expected: TradingState) {
        var engine = RiskFixture.engine()
        let actions = run(&engine, prices: [(100, RiskFixture.t0), (price, RiskFixture.t0 + 3_600_000)])
        #expect(engine.state == expected)
        #expect(actions.isEmpty)
    }

    @Test func reducingLastsUntilTheNextUTCDay() {
        var engine = RiskFixture.engine()
        let t = RiskFixture.t0
        _ = run(&engine, prices: [(100, t), (90, t + 3_600_000), (95, t + 23 * 3_600_000), (95, t + RiskFixture.day)])
        #expect(engine.state == .active)
        #expect(engine.dayStartEquity == Fixed(9_750))
        #expect(engine.events.map(\.code) == ["daily_loss", "new_day"])
        #expect(engine.events.map(\.to) == [.reducing, .active])
        #expect(engine.events[0].reason == "equity 9500 is 5.0% below the start-of-day equity 10000, reaching the daily loss limit 0.05; only exposure-reducing orders until the next UTC day")
        #expect(engine.events[1].time == t + RiskFixture.day)
    }

    @Test func dailyLossIsMeasuredFromThePreviousClose() {
        // Day 1 ends at 96 (equity 9,800); day 2 needs a 490 loss: 86.2 reaches it, 86.22 does not.
        let t = RiskFixture.t0
        var above = RiskFixture.engine()
        _ = run(&above, prices: [(100, t), (96, t + 3_600_000), (86.22, t + RiskFixture.day)])
        var at = RiskFixture.engine()
        _ = run(&at, prices: [(100, t), (96, t + 3_600_000), (86.2, t + RiskFixture.day)])
        #expect(above.state == .active)
        #expect(at.state == .reducing)
    }

    @Test(arguments: [(70.02, TradingState.reducing, 0), (70.0, .halted, 2)])
    func maxDrawdownBoundary(price: Double, expected: TradingState, actionCount: Int) {
        var engine = RiskFixture.engine { $0.dailyLossLimit = 0.05 }
        let actions = run(&engine, prices: [(100, RiskFixture.t0), (price, RiskFixture.t0 + 3_600_000)])
        #expect(engine.state == expected)
        #expect(actions.count == actionCount)
    }

    @Test func drawdownIsMeasuredFromThePeak() {
        // Peak 110 -> equity 10,500; 15% of that is 1,575: 78.5 reaches it exactly.
        var engine = RiskFixture.engine { $0.dailyLossLimit = 1 }
        let t = RiskFixture.t0
        _ = run(&engine, prices: [(100, t), (110, t + 1), (78.52, t + 2)])
        #expect(engine.state == .active)
        #expect(engine.peakEquity == Fixed(10_500))
        _ = run(&engine, prices: [(78.5, t + 3)])
        #expect(engine.state == .halted)
    }

    @Test(arguments: [true, false])
    func emergencyShutdownCancelsAndOptionallyFlattens(flatten: Bool) {
        var engine = RiskFixture.engine { $0.flattenOnHalt = flatten }
        let actions = run(&engine, prices: [(100, RiskFixture.t0), (60, RiskFixture.t0 + 60_000)])
        let reason = "equity 8000 is 20.0% below the peak 10000, reaching the max drawdown 0.15"
        #expect(actions == (flatten ? [.cancelAll(reason: reason), .flatten(reason: reason)] : [.cancelAll(reason: reason)]))
        #expect(engine.events.map(\.kind) == (flatten ? [.stateChange, .cancelAll, .flatten] : [.stateChange, .cancelAll]))
        #expect(engine.events[0] == RiskEvent(time: RiskFixture.t0 + 60_000, kind: .stateChange, from: .active, to: .halted,
                                              code: "max_drawdown", reason: reason))
    }

    @Test func haltedStaysHaltedAcrossDaysAndFurtherLosses() {
        var engine = RiskFixture.engine()
        let t = RiskFixture.t0
        let actions = run(&engine, prices: [(100, t), (60, t + 1), (50, t + 2), (50, t + 3 * RiskFixture.day)])
        #expect(engine.state == .halted)
        #expect(actions.count == 2)  // the shutdown happens once
    }

    @Test func operatorResumeReturnsToActiveAndRestartsThePeak() {
        var engine = RiskFixture.engine()
        let t = RiskFixture.t0
        _ = run(&engine, prices: [(100, t), (60, t + 1)])
        engine.resume(reason: "reviewed by alice", time: t + 10)
        #expect(engine.state == .active)
        #expect(engine.peakEquity == Fixed(8_000))
        #expect(engine.events.last == RiskEvent(time: t + 10, kind: .stateChange, from: .halted, to: .active,
                                                code: "operator_resume", reason: "reviewed by alice"))
    }

    @Test func quietBarsProduceNoActionsAndNoEvents() {
        var engine = RiskFixture.engine()
        let actions = run(&engine, prices: (0..<100).map { (100 + Double($0 % 3), RiskFixture.t0 + Int64($0) * 60_000) })
        #expect(actions.isEmpty)
        #expect(engine.events.isEmpty)
        #expect(engine.state == .active)
    }
}
