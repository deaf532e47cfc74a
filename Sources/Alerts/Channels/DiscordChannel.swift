import AsyncHTTPClient
import Foundation

/// Posts to a Discord webhook: `{"content","embeds":[{"color","description","timestamp","title"}],"username"}`.
/// Discord answers 204; a 429 carries `Retry-After`, which the dispatcher honours. The URL is never logged.
public struct DiscordChannel: AlertChannel {
    /// `discord`.
    public let name = "discord"
    private let webhookURL: String
    private let username: String
    private let poster: HTTPAlertPoster

    /// A Discord channel posting to the webhook URL as `username`.
    public init(webhookURL: String, username: String = "graphwiz", client: HTTPClient = .shared) {
        self.webhookURL = webhookURL
        self.username = username
        self.poster = HTTPAlertPoster(client: client, channel: "discord", target: "Discord webhook")
    }

    struct Payload: Encodable {
        struct Embed: Encodable {
            var color: Int
            var description: String
            var timestamp: String
            var title: String
        }
        var content: String
        var embeds: [Embed]
        var username: String
    }

    /// Embed colour as a 24-bit integer: the Slack colours.
    static func color(_ alert: Alert) -> Int { Int(SlackChannel.color(alert).dropFirst(), radix: 16) ?? 0 }

    public func send(_ alert: Alert, timeout: Duration) async throws(AlertDeliveryError) {
        let payload = Payload(content: AlertText.line(alert),
                              embeds: [.init(color: Self.color(alert), description: alert.summary,
                                             timestamp: AlertText.iso(alert.at), title: AlertText.title(alert))],
                              username: username)
        _ = try await poster.post(url: webhookURL, body: try AlertText.json(payload, channel: name), timeout: timeout)
    }
}
