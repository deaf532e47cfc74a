/// The `monitoring:` section.
public struct MonitoringConfig: Sendable, Hashable, Codable {
    /// Port of `/health`, `/ready` and the API; default 8080.
    public var healthPort = 8080
    /// Port of `/metrics`; default 9090.
    public var metricsPort = 9090
    /// Alert rules and channels (`monitoring.alerts`).
    public var alerts = AlertsConfig()

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey { case healthPort = "health_port", metricsPort = "metrics_port", alerts }
}

/// The `monitoring.alerts:` section: thresholds of the service's alert rules (the same rules as
/// deploy/prometheus/alerts.yml), de-duplication, retries and the channels. A channel is on when its URL,
/// token or host is set.
public struct AlertsConfig: Sendable, Hashable, Codable {
    /// Whether the service evaluates alert rules; default true.
    public var enabled = true
    /// Seconds between evaluations; default 15.
    public var evaluationIntervalS = 15
    /// A firing alert is sent again after this many seconds; 0 never repeats; default 3600.
    public var renotifyIntervalS = 3600
    /// Send a notification when an alert clears; default true.
    public var sendResolved = true
    /// Drawdown fraction that fires GraphwizDrawdownHigh; default 0.15.
    public var maxDrawdown = 0.15
    /// Daily loss fraction that fires GraphwizDailyLossHigh; default 0.05.
    public var maxDailyLoss = 0.05
    /// Gross exposure / equity that fires GraphwizExposureHigh; default 1.0.
    public var maxGrossExposure = 1.0
    /// Seconds a venue stays disconnected before GraphwizExchangeDisconnected fires; default 60.
    public var exchangeDisconnectedS = 60
    /// GraphwizOrderRejections fires above this many rejections in the window; default 5.
    public var maxRejections = 5
    /// The rejection window in seconds; default 300.
    public var rejectionWindowS = 300
    /// Delivery attempts per notification and channel; default 3.
    public var retryAttempts = 3
    /// Wait before the first retry in milliseconds, doubled each retry; default 500.
    public var retryBackoffMs = 500
    /// Time limit of one delivery attempt in seconds; default 10.
    public var timeoutS = 10
    /// Generic JSON webhook.
    public var webhook = WebhookAlertConfig()
    /// Slack incoming webhook.
    public var slack = SlackAlertConfig()
    /// Discord webhook.
    public var discord = DiscordAlertConfig()
    /// Telegram bot.
    public var telegram = TelegramAlertConfig()
    /// Email over SMTP.
    public var email = EmailAlertConfig()

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case enabled, evaluationIntervalS = "evaluation_interval_s", renotifyIntervalS = "renotify_interval_s"
        case sendResolved = "send_resolved", maxDrawdown = "max_drawdown", maxDailyLoss = "max_daily_loss"
        case maxGrossExposure = "max_gross_exposure", exchangeDisconnectedS = "exchange_disconnected_s"
        case maxRejections = "max_rejections", rejectionWindowS = "rejection_window_s", retryAttempts = "retry_attempts"
        case retryBackoffMs = "retry_backoff_ms", timeoutS = "timeout_s", webhook, slack, discord, telegram, email
    }
}

/// `monitoring.alerts.webhook`: POSTs each notification as JSON.
public struct WebhookAlertConfig: Sendable, Hashable, Codable {
    /// http(s) URL; empty turns the channel off.
    public var url = ""
    /// Sent as `Authorization: Bearer ...` when set (a secret).
    public var bearerToken = ""
    /// Off by default.
    public init() {}
    enum CodingKeys: String, CodingKey { case url, bearerToken = "bearer_token" }
}

/// `monitoring.alerts.slack`.
public struct SlackAlertConfig: Sendable, Hashable, Codable {
    /// The incoming-webhook URL (a secret); empty turns the channel off.
    public var secretWebhookURL = ""
    /// Off by default.
    public init() {}
    enum CodingKeys: String, CodingKey { case secretWebhookURL = "secret_webhook_url" }
}

/// `monitoring.alerts.discord`.
public struct DiscordAlertConfig: Sendable, Hashable, Codable {
    /// The webhook URL (a secret); empty turns the channel off.
    public var secretWebhookURL = ""
    /// Name shown as the sender; default `graphwiz`.
    public var username = "graphwiz"
    /// Off by default.
    public init() {}
    enum CodingKeys: String, CodingKey { case secretWebhookURL = "secret_webhook_url", username }
}

/// `monitoring.alerts.telegram`: Bot API sendMessage.
public struct TelegramAlertConfig: Sendable, Hashable, Codable {
    /// The bot token (a secret); empty turns the channel off.
    public var botToken = ""
    /// Chat, group or channel id, e.g. `-1001234567890`.
    public var chatID = ""
    /// Bot API base URL; default `https://api.telegram.org`.
    public var apiURL = "https://api.telegram.org"
    /// Off by default.
    public init() {}
    enum CodingKeys: String, CodingKey { case botToken = "bot_token", chatID = "chat_id", apiURL = "api_url" }
}

/// `monitoring.alerts.email`: SMTP.
public struct EmailAlertConfig: Sendable, Hashable, Codable {
    /// SMTP host; empty turns the channel off.
    public var host = ""
    /// Port; default 587.
    public var port = 587
    /// `starttls` (default), `tls` (implicit, port 465) or `none`.
    public var security = "starttls"
    /// Login; empty for no AUTH.
    public var username = ""
    /// Password (a secret).
    public var password = ""
    /// `auto` (default), `plain` or `login`.
    public var auth = "auto"
    /// Sender address.
    public var from = ""
    /// Recipient addresses.
    public var to: [String] = []
    /// Off by default.
    public init() {}
}

extension MonitoringConfig {
    /// Range problems of `monitoring.alerts` (called from ``AppConfiguration``'s range check).
    func alertProblems(_ r: inout RangeRules) {
        let a = alerts, path = ["monitoring", "alerts"]
        r.int(path + ["evaluation_interval_s"], a.evaluationIntervalS, 1...3600)
        r.int(path + ["renotify_interval_s"], a.renotifyIntervalS, 0...604_800)
        r.number(path + ["max_drawdown"], a.maxDrawdown, 0...1)
        r.number(path + ["max_daily_loss"], a.maxDailyLoss, 0...1)
        r.number(path + ["max_gross_exposure"], a.maxGrossExposure, 0...100)
        r.int(path + ["exchange_disconnected_s"], a.exchangeDisconnectedS, 0...86_400)
        r.int(path + ["max_rejections"], a.maxRejections, 0...1_000_000)
        r.int(path + ["rejection_window_s"], a.rejectionWindowS, 1...86_400)
        r.int(path + ["retry_attempts"], a.retryAttempts, 1...20)
        r.int(path + ["retry_backoff_ms"], a.retryBackoffMs, 0...600_000)
        r.int(path + ["timeout_s"], a.timeoutS, 1...600)
        for (key, url) in [(["webhook", "url"], a.webhook.url), (["slack", "secret_webhook_url"], a.slack.secretWebhookURL),
                           (["discord", "secret_webhook_url"], a.discord.secretWebhookURL), (["telegram", "api_url"], a.telegram.apiURL)] {
            r.check(path + key, url, url.isEmpty || url.hasPrefix("https://") || url.hasPrefix("http://"), "empty or an http(s):// URL")
        }
        if !a.telegram.botToken.isEmpty {
            r.check(path + ["telegram", "chat_id"], a.telegram.chatID, !a.telegram.chatID.isEmpty, "set when telegram.bot_token is set")
        }
        let email = path + ["email"]
        r.check(email + ["security"], a.email.security, ["starttls", "tls", "none"].contains(a.email.security), "one of starttls, tls, none")
        r.check(email + ["auth"], a.email.auth, ["auto", "plain", "login"].contains(a.email.auth), "one of auto, plain, login")
        r.int(email + ["port"], a.email.port, 1...65_535)
        if !a.email.host.isEmpty {
            r.check(email + ["from"], a.email.from, a.email.from.contains("@"), "a sender address when email.host is set")
            r.check(email + ["to"], "[]", !a.email.to.isEmpty, "at least one recipient when email.host is set")
        }
        for (i, address) in a.email.to.enumerated() {
            r.check(email + ["to", "[\(i)]"], address, address.contains("@"), "an email address, e.g. ops@example.com")
        }
    }
}
