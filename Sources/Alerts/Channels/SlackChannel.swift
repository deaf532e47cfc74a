import AsyncHTTPClient
import Foundation

/// Posts to a Slack incoming webhook: `{"attachments":[{"color","fallback","footer","text","title","ts"}],"text"}`,
/// coloured by severity (green when resolved). The webhook URL is a secret and never appears in errors.
public struct SlackChannel: AlertChannel {
    /// `slack`.
    public let name = "slack"
    private let webhookURL: String
    private let poster: HTTPAlertPoster

    /// A Slack channel posting to the incoming-webhook URL.
    public init(webhookURL: String, client: HTTPClient = .shared) {
        self.webhookURL = webhookURL
        self.poster = HTTPAlertPoster(client: client, channel: "slack", target: "Slack incoming webhook")
    }

    struct Payload: Encodable {
        struct Attachment: Encodable {
            var color: String
            var fallback: String
            var footer: String
            var text: String
            var title: String
            var ts: Int
        }
        var attachments: [Attachment]
        var text: String
    }

    /// Slack attachment colour: red critical, orange warning, blue info, green resolved.
    static func color(_ alert: Alert) -> String {
        if alert.status == .resolved { return "#2EB886" }
        switch alert.severity {
        case .critical: return "#D00000"
        case .warning: return "#FFA500"
        case .info: return "#439FE0"
        }
    }

    public func send(_ alert: Alert, timeout: Duration) async throws(AlertDeliveryError) {
        let line = AlertText.line(alert)
        let payload = Payload(attachments: [.init(color: Self.color(alert), fallback: line, footer: "graphwiz",
                                                  text: alert.summary, title: AlertText.title(alert),
                                                  ts: Int(alert.at.timeIntervalSince1970))],
                              text: line)
        _ = try await poster.post(url: webhookURL, body: try AlertText.json(payload, channel: name), timeout: timeout)
    }
}
