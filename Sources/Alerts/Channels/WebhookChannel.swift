import AsyncHTTPClient
import Foundation

/// Posts each notification as a JSON object to any URL:
/// `{"alert","at","labels","renotification","severity","starts_at","status","summary","threshold","value"}`
/// with ISO-8601 UTC times; an optional bearer token goes in `Authorization`.
public struct WebhookChannel: AlertChannel {
    /// `webhook`.
    public let name = "webhook"
    private let url: String
    private let bearerToken: String
    private let poster: HTTPAlertPoster

    /// A webhook channel posting to `url`.
    public init(url: String, bearerToken: String = "", client: HTTPClient = .shared) {
        self.url = url
        self.bearerToken = bearerToken
        self.poster = HTTPAlertPoster(client: client, channel: "webhook", target: "alert webhook")
    }

    /// The JSON body of one notification.
    struct Payload: Encodable {
        var alert: String
        var at: String
        var labels: [String: String]
        var renotification: Bool
        var severity: String
        var startsAt: String
        var status: String
        var summary: String
        var threshold: Double
        var value: Double

        enum CodingKeys: String, CodingKey {
            case alert, at, labels, renotification, severity, startsAt = "starts_at", status, summary, threshold, value
        }

        init(_ a: Alert) {
            alert = a.name
            at = AlertText.iso(a.at)
            labels = a.labels
            renotification = a.isRenotification
            severity = a.severity.rawValue
            startsAt = AlertText.iso(a.startsAt)
            status = a.status.rawValue
            summary = a.summary
            threshold = a.threshold
            value = a.value
        }
    }

    public func send(_ alert: Alert, timeout: Duration) async throws(AlertDeliveryError) {
        let body = try AlertText.json(Payload(alert), channel: name)
        let headers = bearerToken.isEmpty ? [] : [("Authorization", "Bearer \(bearerToken)")]
        _ = try await poster.post(url: url, body: body, headers: headers, timeout: timeout)
    }
}
