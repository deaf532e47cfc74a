import Testing
import TradingCore

@Suite struct PromotionGateTests {
    private let criteria = PromotionCriteria()
    private let good = PaperRecord(days: 3, trades: 100, maxDrawdown: 0.10, sharpe: 1.5)

    @Test func aRecordExactlyAtEveryBoundaryPasses() {
        #expect(PromotionGate.evaluate(good, criteria: criteria).passed)
    }

    @Test(arguments: [
        (PaperRecord(days: 2.99, trades: 100, maxDrawdown: 0.1, sharpe: 1.5), ["record covers 2.99 days, needs at least 3.0 (risk.promotion.min_days)"], [String]()),
        (PaperRecord(days: 3, trades: 99, maxDrawdown: 0.1, sharpe: 1.5), ["record has 99 trades, needs at least 100 (risk.promotion.min_trades)"], []),
        (PaperRecord(days: 3, trades: 100, maxDrawdown: 0.1, sharpe: 1.49), ["Sharpe 1.49 is below 1.5 (risk.promotion.min_sharpe)"], []),
        (PaperRecord(days: 3, trades: 100, maxDrawdown: 0.1001, sharpe: 1.5), [], ["max drawdown 10.01% exceeds 10.0% (risk.promotion.max_drawdown)"]),
    ])
    func eachCriterionJustMissed(record: PaperRecord, shortfalls: [String], breaches: [String]) {
        let verdict = PromotionGate.evaluate(record, criteria: criteria)
        #expect(verdict.shortfalls == shortfalls)
        #expect(verdict.breaches == breaches)
        #expect(!verdict.passed)
    }

    @Test func theLadderClimbsOneStepPerPassingRecordAndStaysAtTheTop() {
        var state = PromotionState(strategy: "sma_cross")
        #expect(state.allowedCapital(criteria: criteria) == .refused(reason: "sma_cross is on paper (step 0): no paper record has met the promotion criteria yet; run `graphwiz risk promotion evaluate --strategy sma_cross`"))
        var fractions: [CapitalAllowance] = []
        for k in 1...5 {
            state.apply(good, criteria: criteria, time: Int64(k))
            fractions.append(state.allowedCapital(criteria: criteria))
        }
        #expect(fractions == [.allowed(fraction: 0.10), .allowed(fraction: 0.25), .allowed(fraction: 0.50),
                              .allowed(fraction: 1.0), .allowed(fraction: 1.0)])
        #expect(state.history.map(\.to) == [1, 2, 3, 4])
        #expect(state.stepStartedAt == 4)
    }

    @Test func aShortfallKeepsTheStepAndABreachDemotesToPaper() {
        var state = PromotionState(strategy: "s")
        state.apply(good, criteria: criteria, time: 1)
        state.apply(good, criteria: criteria, time: 2)
        state.apply(PaperRecord(days: 1, trades: 10, maxDrawdown: 0.05, sharpe: 2), criteria: criteria, time: 3)
        #expect(state.step == 2)
        #expect(state.stepStartedAt == 2)
        state.apply(PaperRecord(days: 5, trades: 300, maxDrawdown: 0.12, sharpe: 3), criteria: criteria, time: 4)
        #expect(state.step == 0)
        #expect(state.stepStartedAt == 4)
        #expect(state.history.last == PromotionChange(time: 4, from: 2, to: 0, reason: "demoted to paper: max drawdown 12.0% exceeds 10.0% (risk.promotion.max_drawdown)"))
        guard case let .refused(reason) = state.allowedCapital(criteria: criteria) else { Issue.record("expected a refusal"); return }
        #expect(reason.hasPrefix("s is on paper (step 0): demoted to paper: max drawdown 12.0%"))
    }

    @Test func sessionsCombineIntoOneRecord() {
        let day: Int64 = 86_400_000
        let record = PaperRecord.combined([
            .init(start: 0, end: day, bars: 100, trades: 40, maxDrawdown: 0.04, sharpe: 1.0),
            .init(start: 2 * day, end: 4 * day, bars: 300, trades: 70, maxDrawdown: 0.07, sharpe: 2.0),
        ])
        #expect(record == PaperRecord(days: 4, trades: 110, maxDrawdown: 0.07, sharpe: 1.75, sessions: 2))
        #expect(PaperRecord.combined([]) == nil)
    }

    @Test(arguments: [
        (PromotionCriteria(ladder: [0.5, 0.25]), "risk.promotion.ladder must be 1 to 20 increasing fractions, each greater than 0 and at most 1, got [0.5, 0.25]"),
        (PromotionCriteria(maxDrawdown: 0), "risk.promotion.max_drawdown must be greater than 0 and at most 1, got 0.0"),
        (PromotionCriteria(minTrades: -1), "risk.promotion.min_trades must be an integer from 0 to 1000000, got -1"),
    ])
    func badCriteriaNameKeyValueAndRange(criteria c: PromotionCriteria, message: String) {
        #expect(throws: RiskLimitsError.self) { try c.validate() }
        do { try c.validate() } catch { #expect(error.description == message) }
    }
}
