import Testing
@testable import Alerts

@Suite struct AlertRuleTests {
    @Test func severitiesOrderFromInfoToCritical() {
        #expect(AlertSeverity.info < .warning)
        #expect(AlertSeverity.warning < .critical)
        #expect(!(AlertSeverity.critical < .info))
    }

    @Test func ruleNamesAreThePrometheusAlertNames() {
        #expect(AlertRule.allCases.map(\.rawValue) == ["GraphwizDrawdownHigh", "GraphwizDailyLossHigh", "GraphwizExposureHigh",
                                                       "GraphwizExchangeDisconnected", "GraphwizOrderRejections"])
    }
}
