import Testing
import TradingCore
import TradingModel

private struct Idle: Strategy {
    static let name = "idle"
    static let summary = "never trades"
    static let parameterSpace = ParameterSpace([])
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {}
}

/// The service feeds the knowledge graph's correlations through the kernel into its risk engine.
@Suite struct KernelCorrelationTests {
    private func kernel(risk: some RiskHook) throws -> TradingKernel<Idle> {
        TradingKernel(strategy: try Idle(parameters: ParameterValues([:])),
                      portfolio: Portfolio(instruments: [RiskFixture.instrument("AAA/USDT"), RiskFixture.instrument("BBB/USDT")],
                                           cash: Fixed(10_000)),
                      sizing: .fraction(0.5), allowShort: false, risk: risk, idPrefix: "k")
    }

    @Test func correlationsReachTheRiskEngine() throws {
        var kernel = try kernel(risk: RiskFixture.engine { _ in })
        #expect((kernel.risk as? RiskEngine)?.usesExternalCorrelations == false)
        let updated = try kernel.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: [[1, 0.8], [0.8, 1]],
                                                    asOf: RiskFixture.t0)
        #expect(updated)
        #expect((kernel.risk as? RiskEngine)?.usesExternalCorrelations == true)
    }

    @Test func aHookWithoutCorrelationsIsLeftAlone() throws {
        var kernel = try kernel(risk: BasicRiskChecks(allowShort: false))
        #expect(try kernel.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: [[1, 0.8], [0.8, 1]],
                                              asOf: RiskFixture.t0) == false)
    }

    @Test func aMalformedMatrixIsRefusedAndNothingChanges() throws {
        var kernel = try kernel(risk: RiskFixture.engine { _ in })
        #expect(throws: CorrelationInputError.self) {
            try kernel.updateCorrelations(symbols: ["AAA/USDT", "BBB/USDT"], matrix: [[1, 1.5], [1.5, 1]], asOf: RiskFixture.t0)
        }
        #expect((kernel.risk as? RiskEngine)?.usesExternalCorrelations == false)
    }
}
