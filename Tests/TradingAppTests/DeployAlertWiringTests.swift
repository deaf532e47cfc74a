import Alerts
import Foundation
import GraphwizConfig
import Testing
@testable import TradingApp

@Suite struct DeployAlertWiringTests {
    @Test func defaultConfigurationHasTheDefaultThresholdsAndNoChannel() {
        let config = AlertsConfig()
        #expect(config.thresholds == AlertThresholds())
        #expect(config.retryPolicy == RetryPolicy())
        #expect(config.channels.isEmpty)
    }

    @Test func everyConfiguredChannelIsBuilt() throws {
        let yaml = """
            monitoring:
              alerts:
                max_drawdown: 0.2
                exchange_disconnected_s: 30
                retry_attempts: 5
                webhook: {url: "https://alerts.example.com/in"}
                slack: {secret_webhook_url: "https://hooks.slack.com/services/T/B/K"}
                discord: {secret_webhook_url: "https://discord.com/api/webhooks/1/x"}
                telegram: {bot_token: "1:T", chat_id: "5"}
                email: {host: smtp.example.com, from: a@example.com, to: [b@example.com], security: tls, auth: login}
            """
        let alerts = try ConfigLoader(environment: [:]).load(yaml: yaml, source: "wiring.yaml").monitoring.alerts
        #expect(alerts.channels.map(\.name) == ["webhook", "slack", "discord", "telegram", "email"])
        #expect(alerts.thresholds.maxDrawdown == 0.2)
        #expect(alerts.thresholds.exchangeDisconnectedSeconds == 30)
        #expect(alerts.retryPolicy.maxAttempts == 5)
    }
}
