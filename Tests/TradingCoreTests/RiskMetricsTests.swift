import Testing
import TradingCore
import TradingModel

/// Buys one unit on every bar (test strategy).
private struct BuyEveryBar: Strategy {
    static let name = "buy_every_bar"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([])
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1), tag: "more"))
    }
}

@Suite struct RiskMetricsTests {
    @Test func everyRejectionIsCountedByReasonAndKeptWithTheOrder() throws {
        let metrics = TestMetricsFactory()
        let engine = RiskFixture.engine(state: .halted)
        var kernel = TradingKernel(strategy: try BuyEveryBar(parameters: ParameterValues([:])),
                                   portfolio: Portfolio(instruments: [RiskFixture.instrument("AAA/USDT")], cash: Fixed(10_000)),
                                   sizing: .fraction(0.5), allowShort: false, risk: engine, idPrefix: "k",
                                   rejectionReporter: RejectionReporter(factory: metrics))
        var commands: [VenueCommand] = []
        for i in 0..<3 {
            kernel.onBar(Bar(time: RiskFixture.t0 + Int64(i) * 3_600_000, open: 100, high: 100, low: 100, close: 100, volume: 1),
                         instrument: 0, barIndex: i, commands: &commands)
        }
        #expect(commands.isEmpty)
        #expect(kernel.rejections.map(\.clientOrderId) == ["k-1", "k-2", "k-3"])
        #expect(metrics.counter("graphwiz_trading_rejections_total", [("reason", "halted")]) == 3)
        #expect(metrics.counter("graphwiz_trading_rejections_total", [("reason", "max_position")]) == 0)
    }

    @Test func venueRejectionsAreCountedToo() throws {
        let metrics = TestMetricsFactory()
        var kernel = TradingKernel(strategy: try BuyEveryBar(parameters: ParameterValues([:])),
                                   portfolio: Portfolio(instruments: [RiskFixture.instrument("AAA/USDT")], cash: Fixed(10_000)),
                                   sizing: .fraction(0.5), allowShort: false, idPrefix: "k",
                                   rejectionReporter: RejectionReporter(factory: metrics))
        var commands: [VenueCommand] = []
        kernel.onBar(Bar(time: RiskFixture.t0, open: 100, high: 100, low: 100, close: 100, volume: 1), instrument: 0,
                     barIndex: 0, commands: &commands)
        kernel.on(.rejected(clientOrderId: "k-1", reason: "insufficient funds", time: RiskFixture.t0), commands: &commands)
        #expect(kernel.venueRejections.map(\.code) == ["venue_rejected"])
        #expect(metrics.counter("graphwiz_trading_rejections_total", [("reason", "venue_rejected")]) == 1)
    }

    @Test(arguments: [(TradingState.active, 0.0), (.reducing, 1), (.halted, 2)])
    func stateGaugeEncodesTheState(state: TradingState, value: Double) {
        let metrics = TestMetricsFactory()
        RiskMetricsPublisher(factory: metrics).publish(state: state, exposureRatio: 0.25, measures: [])
        #expect(metrics.value("graphwiz_risk_state") == value)
        #expect(metrics.value("graphwiz_risk_exposure_ratio") == 0.25)
    }

    @Test func valueAtRiskGaugesCarryMethodAndConfidence() {
        let metrics = TestMetricsFactory()
        let measures = [
            RiskMeasure(method: .historical, confidence: 0.95, valueAtRisk: 0.03, expectedShortfall: 0.04),
            RiskMeasure(method: .parametric, confidence: 0.99, valueAtRisk: 0.05, expectedShortfall: 0.06),
        ]
        RiskMetricsPublisher(factory: metrics).publish(state: .active, exposureRatio: 0, measures: measures)
        #expect(metrics.value("graphwiz_risk_var_ratio", [("method", "historical"), ("confidence", "0.95")]) == 0.03)
        #expect(metrics.value("graphwiz_risk_cvar_ratio", [("method", "historical"), ("confidence", "0.95")]) == 0.04)
        #expect(metrics.value("graphwiz_risk_var_ratio", [("method", "parametric"), ("confidence", "0.99")]) == 0.05)
        #expect(metrics.value("graphwiz_risk_cvar_ratio", [("method", "parametric"), ("confidence", "0.99")]) == 0.06)
    }

    @Test func portfolioFiguresFeedTheExposureAndEveryVaRMethod() {
        let metrics = TestMetricsFactory()
        let portfolio = RiskFixture.portfolio(holdings: [20])  // 2,000 held of 10,000 equity
        RiskMetricsPublisher(factory: metrics).publish(state: .halted, portfolio: portfolio,
                                                       equityCurve: [100, 101, 99, 102, 98, 103, 97])
        #expect(metrics.value("graphwiz_risk_exposure_ratio") == 0.2)
        #expect(metrics.value("graphwiz_risk_state") == 2)
        for method in VaRMethod.allCases {
            for confidence in ["0.95", "0.99"] {
                #expect(metrics.value("graphwiz_risk_var_ratio", [("method", method.rawValue), ("confidence", confidence)]) != nil)
            }
        }
    }
}
