import Testing
import TradingCore
import TradingModel

/// Correlations fed from the knowledge graph replace the rolling estimate while they are fresh.
@Suite struct ExternalCorrelationTests {
    private let hour: Int64 = 3_600_000

    /// 2,000 of AAA held; a buy of 15 BBB (1,500) would bring the correlated pair to 3,500 > the 3,000 cap.
    private func code(_ engine: inout RiskEngine, time: Int64) -> String? {
        let portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT"], holdings: [20])
        return RiskFixture.code(&engine, RiskFixture.buy("15", symbol: "BBB/USDT"),
                                RiskFixture.context(portfolio, instrument: 1, time: time)).0
    }

    private func engine() -> RiskEngine {
        RiskFixture.engine { $0.maxPositionFraction = 0.5; $0.correlationWindow = 10 }
    }

    /// Feeds `bars` hourly bars of both instruments (uncorrelated flat prices) to set the rolling window's times.
    private func feed(_ engine: inout RiskEngine, bars: Int) {
        let portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT"], holdings: [20])
        var actions: [RiskAction] = []
        for k in 0..<bars {
            for i in 0..<2 {
                engine.evaluate(RiskBarContext(portfolio: portfolio, instrument: i, time: RiskFixture.t0 + Int64(k) * hour,
                                               workingOrders: [[], []]), actions: &actions)
            }
        }
    }

    @Test func freshExternalCorrelationsApplyTheCap() throws {
        var engine = engine()
        feed(&engine, bars: 20)
        #expect(code(&engine, time: RiskFixture.t0 + 20 * hour) == nil)
        try engine.updateCorrelations(symbols: ["BBB/USDT", "AAA/USDT"], matrix: [[1, 0.8], [0.8, 1]],
                                      asOf: RiskFixture.t0 + 9 * hour)
        #expect(engine.usesExternalCorrelations)
        #expect(code(&engine, time: RiskFixture.t0 + 20 * hour) == "correlation_limit")
    }

    @Test func externalCorrelationsOlderThanTheWindowAreIgnored() throws {
        var engine = engine()
        feed(&engine, bars: 20)
        // The latest bar opened at t0 + 19h; the 10-bar window starts at t0 + 9h.
        try engine.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: [[1, 0.9], [0.9, 1]],
                                      asOf: RiskFixture.t0 + 9 * hour - 1)
        #expect(!engine.usesExternalCorrelations)
        #expect(code(&engine, time: RiskFixture.t0 + 20 * hour) == nil)
    }

    @Test func correlationsBelowTheThresholdDoNotCap() throws {
        var engine = engine()
        try engine.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: [[1, 0.69], [0.69, 1]], asOf: RiskFixture.t0)
        #expect(code(&engine, time: RiskFixture.t0) == nil)
    }

    @Test(arguments: [
        ([[1.0, 0.5]], "correlation matrix must be 2x2 for [\"AAA/USDT\", \"BBB/USDT\"], got 1 rows of [2]"),
        ([[1.0, 1.5], [1.5, 1.0]], "correlation of AAA/USDT and BBB/USDT must be between -1 and 1, got 1.5"),
    ])
    func malformedMatricesAreRefused(matrix: [[Double]], message: String) {
        var engine = engine()
        #expect(throws: CorrelationInputError.self) {
            try engine.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: matrix, asOf: 0)
        }
        do { try engine.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: matrix, asOf: 0) } catch {
            #expect(error.description == message)
        }
    }
}
