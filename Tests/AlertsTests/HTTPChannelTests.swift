import Alerts
import Foundation
import Logging
import Testing

@Suite struct HTTPChannelTests {
    static let line = "[FIRING] GraphwizDrawdownHigh (critical): drawdown 18.00% reached the limit 15.00%"

    @Test func webhookPostsTheAlertAsJSONWithTheBearerToken() async throws {
        try await withFakeHTTPServer { base, state in
            try await WebhookChannel(url: base + "/hooks/graphwiz", bearerToken: "hook-token").send(drawdownAlert(), timeout: .seconds(5))
            let requests = await state.requests
            #expect(requests.count == 1)
            #expect(requests.first?.method == "POST")
            #expect(requests.first?.path == "/hooks/graphwiz")
            #expect(requests.first?.headers["authorization"] == "Bearer hook-token")
            #expect(requests.first?.headers["content-type"] == "application/json")
            #expect(requests.first?.body == #"{"alert":"GraphwizDrawdownHigh","at":"2026-11-25T01:30:00Z","labels":{},"renotification":false,"severity":"critical","starts_at":"2026-11-25T01:30:00Z","status":"firing","summary":"drawdown 18.00% reached the limit 15.00%","threshold":0.15,"value":0.18}"#)
        }
    }

    @Test func slackGetsAnIncomingWebhookPayloadColouredBySeverity() async throws {
        try await withFakeHTTPServer { base, state in
            try await SlackChannel(webhookURL: base + "/services/T0/B0/secret").send(drawdownAlert(), timeout: .seconds(5))
            let requests = await state.requests
            #expect(requests.map(\.path) == ["/services/T0/B0/secret"])
            #expect(requests.first?.body == ##"{"attachments":[{"color":"#D00000","fallback":"\##(Self.line)","footer":"graphwiz","text":"drawdown 18.00% reached the limit 15.00%","title":"[FIRING] GraphwizDrawdownHigh","ts":1795570200}],"text":"\##(Self.line)"}"##)
        }
    }

    @Test func slackResolvedNotificationsAreGreen() async throws {
        try await withFakeHTTPServer { base, state in
            var alert = drawdownAlert(status: .resolved)
            alert.summary = "drawdown 10.00% is back under the limit 15.00%"
            try await SlackChannel(webhookURL: base + "/s").send(alert, timeout: .seconds(5))
            let body = try #require(await state.requests.first?.body)
            #expect(body.contains(##""color":"#2EB886""##))
            #expect(body.contains(#""text":"[RESOLVED] GraphwizDrawdownHigh (critical): drawdown 10.00% is back under the limit 15.00%""#))
        }
    }

    @Test func discordGetsAWebhookPayloadWithAnEmbed() async throws {
        try await withFakeHTTPServer(fallback: ScriptedReply(status: 204)) { base, state in
            try await DiscordChannel(webhookURL: base + "/api/webhooks/1/abc").send(drawdownAlert(), timeout: .seconds(5))
            let requests = await state.requests
            #expect(requests.map(\.path) == ["/api/webhooks/1/abc"])
            #expect(requests.first?.body == #"{"content":"\#(Self.line)","embeds":[{"color":13631488,"description":"drawdown 18.00% reached the limit 15.00%","timestamp":"2026-11-25T01:30:00Z","title":"[FIRING] GraphwizDrawdownHigh"}],"username":"graphwiz"}"#)
        }
    }

    @Test func telegramCallsSendMessageOfTheBotAPI() async throws {
        try await withFakeHTTPServer(fallback: ScriptedReply(status: 200, body: #"{"ok":true,"result":{"message_id":7}}"#)) { base, state in
            try await TelegramChannel(botToken: "123:ABC", chatID: "-1001", apiURL: base + "/").send(drawdownAlert(), timeout: .seconds(5))
            let requests = await state.requests
            #expect(requests.map(\.path) == ["/bot123:ABC/sendMessage"])
            #expect(requests.first?.body == #"{"chat_id":"-1001","disable_web_page_preview":true,"text":"\#(Self.line)"}"#)
        }
    }

    @Test func telegramRefusalNamesTheCodeButNotTheToken() async throws {
        let refusal = ScriptedReply(status: 400, body: #"{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}"#)
        try await withFakeHTTPServer(fallback: refusal) { base, _ in
            let channel = TelegramChannel(botToken: "123:SECRET", chatID: "42", apiURL: base)
            let error = await #expect(throws: AlertDeliveryError.self) { try await channel.send(drawdownAlert(), timeout: .seconds(5)) }
            #expect(error?.kind == .rejected)
            #expect(error?.isRetryable == false)
            #expect(error?.message == "the Telegram Bot API refused sendMessage: 400 Bad Request: chat not found")
            #expect(error?.description.contains("SECRET") == false)
        }
    }

    @Test func slowServerTimesOut() async throws {
        try await withFakeHTTPServer(fallback: ScriptedReply(status: 200, delay: .seconds(3))) { base, _ in
            let error = await #expect(throws: AlertDeliveryError.self) {
                try await WebhookChannel(url: base + "/slow").send(drawdownAlert(), timeout: .milliseconds(200))
            }
            #expect(error?.kind == .timeout)
            #expect(error?.isRetryable == true)
        }
    }

    @Test func unreachableServerIsARetryableConnectionError() async throws {
        let error = await #expect(throws: AlertDeliveryError.self) {
            try await SlackChannel(webhookURL: "http://127.0.0.1:1/services/x").send(drawdownAlert(), timeout: .seconds(5))
        }
        #expect(error?.kind == .connection)
        #expect(error?.isRetryable == true)
        #expect(error?.description.contains("/services/x") == false)
    }

    @Test func badURLIsAConfigurationError() async throws {
        let error = await #expect(throws: AlertDeliveryError.self) {
            try await WebhookChannel(url: "ftp://example").send(drawdownAlert(), timeout: .seconds(1))
        }
        #expect(error == AlertDeliveryError(channel: "webhook", kind: .configuration,
                                            message: "the alert webhook URL must be an http(s):// URL", isRetryable: false))
    }
}
