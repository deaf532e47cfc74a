import AsyncHTTPClient
import Foundation
import NIOCore

/// Posts JSON to an HTTP endpoint and classifies the answer: 2xx succeeds; 408, 429 and 5xx are retryable
/// (with the server's `Retry-After`); other statuses are permanent.
struct HTTPAlertPoster: Sendable {
    /// The HTTP client (shared by default).
    var client: HTTPClient
    /// Channel name for errors.
    var channel: String
    /// What the endpoint is, for errors, without secrets, e.g. `Slack incoming webhook`.
    var target: String

    /// The answer of a request that got a response.
    struct Answer {
        var status: Int
        var body: Data
    }

    /// POSTs `body` as `application/json` to `url`, within `timeout`.
    /// - Throws: ``AlertDeliveryError`` for a bad URL, a connection failure, a timeout or a non-2xx status
    ///   (unless `acceptAnyStatus`).
    func post(url: String, body: Data, headers: [(String, String)] = [], timeout: Duration,
              acceptAnyStatus: Bool = false) async throws(AlertDeliveryError) -> Answer {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
            throw AlertDeliveryError(channel: channel, kind: .configuration,
                                     message: "the \(target) URL must be an http(s):// URL", isRetryable: false)
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "graphwiz-alerts")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let response: HTTPClientResponse
        let data: Data
        do {
            response = try await client.execute(request, deadline: deadline)
            data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw AlertDeliveryError(channel: channel, kind: .timeout,
                                     message: "the \(target) did not answer within \(timeout)", isRetryable: true)
        } catch {
            throw AlertDeliveryError(channel: channel, kind: .connection,
                                     message: "cannot reach the \(target) at \(parsed.host ?? "?"): \(error)", isRetryable: true)
        }
        let status = Int(response.status.code)
        if acceptAnyStatus || (200..<300).contains(status) { return Answer(status: status, body: data) }
        let retryable = status == 408 || status == 429 || status >= 500
        let snippet = String(decoding: data.prefix(200), as: UTF8.self)
        throw AlertDeliveryError(channel: channel, kind: .httpStatus,
                                 message: "the \(target) answered HTTP \(status) (expected 2xx): \(snippet)",
                                 isRetryable: retryable, retryAfter: Self.retryAfter(response.headers.first(name: "Retry-After")))
    }

    /// The `Retry-After` header in seconds, if present and numeric.
    static func retryAfter(_ text: String?) -> Duration? {
        guard let text, let seconds = Double(text), seconds >= 0 else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }
}
