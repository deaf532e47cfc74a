import Alerts
import Foundation
import Logging
import Testing

@Suite struct AlertDispatcherTests {
    static let policy = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(500), multiplier: 2,
                                    maxBackoff: .seconds(30), timeout: .seconds(5))

    static func dispatcher(_ channels: [any AlertChannel], _ metrics: CountingMetrics, _ sleeps: SleepRecorder,
                           policy: RetryPolicy = policy) -> AlertDispatcher {
        AlertDispatcher(channels: channels, retry: policy, logger: Logger(label: "test.alerts"), metricsFactory: metrics,
                        sleep: { await sleeps.record($0) })
    }

    static func sent(_ metrics: CountingMetrics, _ channel: String, _ outcome: String) -> Int64 {
        metrics.value("graphwiz_alerts_sent_total", [("channel", channel), ("outcome", outcome)])
    }

    @Test func serverErrorsAreRetriedWithExponentialBackoff() async throws {
        let replies = [ScriptedReply(status: 500), ScriptedReply(status: 502)]
        try await withFakeHTTPServer(replies: replies) { base, state in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let reports = await Self.dispatcher([WebhookChannel(url: base + "/hook")], metrics, sleeps).deliver([drawdownAlert()])
            #expect(reports == [AlertDeliveryReport(alertKey: "GraphwizDrawdownHigh", status: .firing, channel: "webhook",
                                                    attempts: 3, outcome: .success)])
            #expect(await sleeps.waits == [.milliseconds(500), .seconds(1)])
            let bodies = await state.requests.map(\.body)
            #expect(bodies.count == 3)
            #expect(Set(bodies).count == 1)
            #expect(Self.sent(metrics, "webhook", "success") == 1)
            #expect(Self.sent(metrics, "webhook", "failure") == 0)
        }
    }

    @Test func exhaustedRetriesCountOneFailure() async throws {
        try await withFakeHTTPServer(fallback: ScriptedReply(status: 503, body: "maintenance")) { base, state in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let reports = await Self.dispatcher([SlackChannel(webhookURL: base + "/services/T/B/K")], metrics, sleeps)
                .deliver([drawdownAlert()])
            #expect(reports.map(\.attempts) == [3])
            #expect(reports.map(\.outcome) == [.failure])
            #expect(reports.first?.error?.message == "the Slack incoming webhook answered HTTP 503 (expected 2xx): maintenance")
            #expect(await state.requests.count == 3)
            #expect(await sleeps.waits == [.milliseconds(500), .seconds(1)])
            #expect(Self.sent(metrics, "slack", "failure") == 1)
            #expect(Self.sent(metrics, "slack", "success") == 0)
        }
    }

    @Test func clientErrorsAreNotRetried() async throws {
        try await withFakeHTTPServer(fallback: ScriptedReply(status: 404, body: "no_service")) { base, state in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let reports = await Self.dispatcher([DiscordChannel(webhookURL: base + "/api/webhooks/9/t")], metrics, sleeps)
                .deliver([drawdownAlert()])
            #expect(reports.map(\.attempts) == [1])
            #expect(reports.first?.error?.kind == .httpStatus)
            #expect(reports.first?.error?.description.contains("/api/webhooks/9/t") == false)
            #expect(await state.requests.count == 1)
            #expect(await sleeps.waits == [])
            #expect(Self.sent(metrics, "discord", "failure") == 1)
        }
    }

    @Test func retryAfterHeaderIsHonoured() async throws {
        try await withFakeHTTPServer(replies: [ScriptedReply(status: 429, headers: ["Retry-After": "2"])]) { base, _ in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let reports = await Self.dispatcher([DiscordChannel(webhookURL: base + "/d")], metrics, sleeps).deliver([drawdownAlert()])
            #expect(reports.map(\.outcome) == [.success])
            #expect(await sleeps.waits == [.seconds(2)])
        }
    }

    @Test func telegramRetryAfterParameterIsHonoured() async throws {
        let limited = ScriptedReply(status: 429, body: #"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}"#)
        try await withFakeHTTPServer(replies: [limited], fallback: ScriptedReply(status: 200, body: #"{"ok":true,"result":{}}"#)) { base, state in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let channel = TelegramChannel(botToken: "1:T", chatID: "5", apiURL: base)
            let reports = await Self.dispatcher([channel], metrics, sleeps).deliver([drawdownAlert()])
            #expect(reports.map(\.attempts) == [2])
            #expect(reports.map(\.outcome) == [.success])
            #expect(await sleeps.waits == [.seconds(3)])
            #expect(await state.requests.count == 2)
            #expect(Self.sent(metrics, "telegram", "success") == 1)
        }
    }

    @Test func everyAlertGoesToEveryChannelInOrder() async throws {
        try await withFakeHTTPServer { base, state in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let exchange = Alert(rule: .exchangeDisconnected, status: .firing, labels: ["exchange": "kraken"], value: 61,
                                 threshold: 60, summary: "exchange kraken disconnected for 61 s (limit 60 s)", startsAt: t0, at: t0)
            let channels: [any AlertChannel] = [WebhookChannel(url: base + "/w"), SlackChannel(webhookURL: base + "/s")]
            let reports = await Self.dispatcher(channels, metrics, sleeps).deliver([drawdownAlert(), exchange])
            #expect(reports.map { "\($0.alertKey) \($0.channel)" } == [
                "GraphwizDrawdownHigh webhook", "GraphwizDrawdownHigh slack",
                "GraphwizExchangeDisconnected{exchange=kraken} webhook", "GraphwizExchangeDisconnected{exchange=kraken} slack",
            ])
            #expect(await state.requests.map(\.path).sorted() == ["/s", "/s", "/w", "/w"])
            #expect(Self.sent(metrics, "webhook", "success") == 2)
            #expect(Self.sent(metrics, "slack", "success") == 2)
        }
    }

    @Test func alertCenterSendsFiringOnceThenResolved() async throws {
        try await withFakeHTTPServer { base, state in
            let metrics = CountingMetrics(), sleeps = SleepRecorder()
            let center = AlertCenter(thresholds: AlertThresholds(maxDrawdown: 0.15, renotifySeconds: 3600),
                                     dispatcher: Self.dispatcher([WebhookChannel(url: base + "/w")], metrics, sleeps))
            #expect(await center.process(AlertInput(time: t0, drawdown: 0.18)).map(\.status) == [.firing])
            #expect(await center.process(AlertInput(time: t0 + 15, drawdown: 0.19)) == [])
            #expect(await center.process(AlertInput(time: t0 + 30, drawdown: 0.2)) == [])
            #expect(await center.firing.map(\.key) == ["GraphwizDrawdownHigh"])
            #expect(await center.process(AlertInput(time: t0 + 45, drawdown: 0.05)).map(\.status) == [.resolved])
            let bodies = await state.requests.map(\.body)
            #expect(bodies.count == 2)
            #expect(bodies.first?.contains(#""status":"firing""#) == true)
            #expect(bodies.last?.contains(#""status":"resolved""#) == true)
            #expect(await center.lastReports.map(\.outcome) == [.success])
            #expect(Self.sent(metrics, "webhook", "success") == 2)
        }
    }
}
