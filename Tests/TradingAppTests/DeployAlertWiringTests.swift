import Alerts
import Foundation
import GraphwizConfig
import Testing

// How the service turns `monitoring.alerts` into an AlertCenter. The integrator moves this extension into
// TradingApp (Serve) when the service is wired; until then it lives here and is tested.
extension AlertsConfig {
    /// The rule thresholds.
    var thresholds: AlertThresholds {
        AlertThresholds(maxDrawdown: maxDrawdown, maxDailyLoss: maxDailyLoss, maxGrossExposure: maxGrossExposure,
                        exchangeDisconnectedSeconds: Double(exchangeDisconnectedS), maxRejections: maxRejections,
                        rejectionWindowSeconds: Double(rejectionWindowS), renotifySeconds: Double(renotifyIntervalS),
                        sendResolved: sendResolved)
    }

    /// Attempts, backoff and timeout.
    var retryPolicy: RetryPolicy {
        RetryPolicy(maxAttempts: retryAttempts, initialBackoff: .milliseconds(retryBackoffMs), timeout: .seconds(timeoutS))
    }

    /// The channels that are switched on (URL, token or host set).
    var channels: [any AlertChannel] {
        var out: [any AlertChannel] = []
        if !webhook.url.isEmpty { out.append(WebhookChannel(url: webhook.url, bearerToken: webhook.bearerToken)) }
        if !slack.secretWebhookURL.isEmpty { out.append(SlackChannel(webhookURL: slack.secretWebhookURL)) }
        if !discord.secretWebhookURL.isEmpty {
            out.append(DiscordChannel(webhookURL: discord.secretWebhookURL, username: discord.username))
        }
        if !telegram.botToken.isEmpty {
            out.append(TelegramChannel(botToken: telegram.botToken, chatID: telegram.chatID, apiURL: telegram.apiURL))
        }
        if !email.host.isEmpty {
            out.append(EmailChannel(configuration: SMTPConfiguration(
                host: email.host, port: email.port, security: SMTPSecurity(rawValue: email.security) ?? .startTLS,
                username: email.username, password: email.password, auth: SMTPAuthMethod(rawValue: email.auth) ?? .auto,
                from: email.from, to: email.to)))
        }
        return out
    }
}

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
