import Testing
@testable import Alerts

@Test func severitiesOrderFromInfoToCritical() {
    #expect(AlertSeverity.info < .warning)
    #expect(AlertSeverity.warning < .critical)
    #expect(!(AlertSeverity.critical < .info))
}
