import Alerts
import GraphwizConfig

/// How `graphwiz serve` turns `monitoring.alerts` into an ``AlertCenter``.
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
