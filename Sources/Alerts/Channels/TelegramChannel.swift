import AsyncHTTPClient
import Foundation

/// Sends through the Telegram Bot API: `POST {apiURL}/bot{token}/sendMessage` with
/// `{"chat_id","disable_web_page_preview":true,"text"}`. The answer must be `{"ok":true,...}`; an
/// `ok:false` answer with `parameters.retry_after` is retried after that wait. The token is never logged.
public struct TelegramChannel: AlertChannel {
    /// `telegram`.
    public let name = "telegram"
    private let botToken: String
    private let chatID: String
    private let apiURL: String
    private let poster: HTTPAlertPoster

    /// A Telegram channel; `apiURL` is `https://api.telegram.org` unless a test points it elsewhere.
    public init(botToken: String, chatID: String, apiURL: String = "https://api.telegram.org", client: HTTPClient = .shared) {
        self.botToken = botToken
        self.chatID = chatID
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.poster = HTTPAlertPoster(client: client, channel: "telegram", target: "Telegram Bot API")
    }

    struct Payload: Encodable {
        var chatID: String
        var disableWebPagePreview: Bool
        var text: String

        enum CodingKeys: String, CodingKey {
            case chatID = "chat_id", disableWebPagePreview = "disable_web_page_preview", text
        }
    }

    /// The Bot API's answer envelope.
    struct Answer: Decodable {
        struct Parameters: Decodable {
            var retryAfter: Int?
            enum CodingKeys: String, CodingKey { case retryAfter = "retry_after" }
        }
        var ok: Bool
        var errorCode: Int?
        var description: String?
        var parameters: Parameters?
        enum CodingKeys: String, CodingKey { case ok, errorCode = "error_code", description, parameters }
    }

    public func send(_ alert: Alert, timeout: Duration) async throws(AlertDeliveryError) {
        guard !botToken.isEmpty, !chatID.isEmpty else {
            throw AlertDeliveryError(channel: name, kind: .configuration,
                                     message: "telegram needs bot_token and chat_id set", isRetryable: false)
        }
        let payload = Payload(chatID: chatID, disableWebPagePreview: true, text: AlertText.line(alert))
        let answer = try await poster.post(url: "\(apiURL)/bot\(botToken)/sendMessage",
                                           body: try AlertText.json(payload, channel: name), timeout: timeout,
                                           acceptAnyStatus: true)
        guard let decoded = try? JSONDecoder().decode(Answer.self, from: answer.body) else {
            throw AlertDeliveryError(channel: name, kind: .protocolViolation,
                                     message: "the Telegram Bot API answered HTTP \(answer.status) without a JSON {\"ok\":...} object",
                                     isRetryable: answer.status >= 500)
        }
        guard !decoded.ok else { return }
        let code = decoded.errorCode ?? answer.status
        throw AlertDeliveryError(channel: name, kind: .rejected,
                                 message: "the Telegram Bot API refused sendMessage: \(code) \(decoded.description ?? "")",
                                 isRetryable: code == 429 || code >= 500,
                                 retryAfter: decoded.parameters?.retryAfter.map { .seconds($0) })
    }
}
