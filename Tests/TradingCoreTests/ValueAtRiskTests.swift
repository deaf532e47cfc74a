import Testing
import TradingCore

@Suite struct ValueAtRiskTests {
    /// -0.05 ... 0.06 in no particular order: mean 0.012, sample standard deviation 0.0352136...
    static let returns = [0.03, -0.05, 0.06, 0, -0.01, 0.05, -0.03, 0.02, 0.04, 0.01]

    @Test(arguments: [
        // confidence, VaR, CVaR over 10 returns: the tail is the ceil((1 - c) x 10) worst returns
        (0.95, 0.05, 0.05), (0.99, 0.05, 0.05), (0.90, 0.05, 0.05), (0.80, 0.03, 0.04), (0.70, 0.01, 0.03),
    ])
    func historicalTailIsTheWorstReturns(confidence: Double, expectedVaR: Double, expectedCVaR: Double) throws {
        let m = try #require(ValueAtRisk.historical(Self.returns, confidence: confidence))
        #expect(m.valueAtRisk == expectedVaR)
        #expect(abs(m.expectedShortfall - expectedCVaR) < 1e-15)
    }

    @Test func historicalAt95PercentOfAHundredReturnsAveragesTheFiveWorst() throws {
        let returns = (1...100).map { Double($0) / 1000 - 0.02 }  // -0.019 ... 0.08
        let m = try #require(ValueAtRisk.historical(returns, confidence: 0.95))
        #expect(abs(m.valueAtRisk - 0.015) < 1e-15)
        #expect(abs(m.expectedShortfall - 0.017) < 1e-15)
    }

    @Test(arguments: [
        (0.95, 0.04592127314794031, 0.06063561327996349),   // scipy.stats.norm reference values
        (0.99, 0.06991916194949373, 0.0818518773494358),
    ])
    func parametricMatchesTheNormalFit(confidence: Double, expectedVaR: Double, expectedCVaR: Double) throws {
        let m = try #require(ValueAtRisk.parametric(Self.returns, confidence: confidence))
        #expect(abs(m.valueAtRisk - expectedVaR) < 1e-12)
        #expect(abs(m.expectedShortfall - expectedCVaR) < 1e-12)
    }

    @Test(arguments: [
        (0.95, 1.6448536269514722), (0.99, 2.3263478740408408), (0.5, 0.0), (0.01, -2.3263478740408408),
        (0.001, -3.090232306167813),
    ])
    func normalQuantileMatchesScipy(p: Double, expected: Double) {
        #expect(abs(ValueAtRisk.normalQuantile(p) - expected) < 1e-12)
    }

    @Test func monteCarloIsReproducibleBySeedAndConvergesToTheNormalFit() throws {
        let a = try #require(ValueAtRisk.monteCarlo(Self.returns, confidence: 0.99, simulations: 200_000, seed: 1))
        let b = try #require(ValueAtRisk.monteCarlo(Self.returns, confidence: 0.99, simulations: 200_000, seed: 1))
        let c = try #require(ValueAtRisk.monteCarlo(Self.returns, confidence: 0.99, simulations: 200_000, seed: 2))
        #expect(a == b)
        #expect(a != c)
        #expect(abs(a.valueAtRisk - 0.06991916194949373) < 0.002)
        #expect(abs(a.expectedShortfall - 0.0818518773494358) < 0.002)
    }

    @Test func allGivesThreeMethodsAtTwoConfidences() {
        let measures = ValueAtRisk.all(Self.returns, simulations: 1_000)
        #expect(measures.map(\.method) == [.historical, .historical, .parametric, .parametric, .monteCarlo, .monteCarlo])
        #expect(measures.map(\.confidence) == [0.95, 0.99, 0.95, 0.99, 0.95, 0.99])
    }

    @Test func tooFewReturnsGiveNothing() {
        #expect(ValueAtRisk.historical([], confidence: 0.95) == nil)
        #expect(ValueAtRisk.parametric([0.01], confidence: 0.95) == nil)
        #expect(ValueAtRisk.monteCarlo([0.01], confidence: 0.95) == nil)
    }

    @Test func returnsOfAnEquitySeriesSkipNonPositivePoints() {
        #expect(ValueAtRisk.returns([100, 110, 0, 99, 99]) == [0.10000000000000009, -0.09999999999999998, 0])
    }
}
