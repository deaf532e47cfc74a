import Foundation

/// One HTTP answer of the fake venue, with an optional delay applied outside the state actor.
public struct FakeBinanceAnswer: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: String
    /// Hold the answer this long before sending it.
    public var delay: Duration?
    /// Never send an answer.
    public var drop: Bool

    init(status: Int = 200, headers: [String: String] = [:], body: String, delay: Duration? = nil, drop: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.drop = drop
    }

    static func json(_ value: FakeJSON, status: Int = 200) -> FakeBinanceAnswer {
        FakeBinanceAnswer(status: status, body: value.text)
    }

    static func error(_ status: Int, _ code: Int, _ message: String) -> FakeBinanceAnswer {
        json(.obj([("code", .int(code)), ("msg", .string(message))]), status: status)
    }
}

/// An HTTP request as the fake sees it.
public struct FakeBinanceRequest: Sendable, Hashable {
    public var method: String
    public var path: String
    /// The raw (still percent-encoded) query string.
    public var query: String
    /// The raw body (form-encoded parameters).
    public var body: String
    /// `X-MBX-APIKEY`.
    public var apiKey: String?

    public init(method: String, path: String, query: String, body: String = "", apiKey: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.apiKey = apiKey
    }

    /// Decoded parameters from query and body.
    var parameters: [String: String] {
        var result: [String: String] = [:]
        for source in [query, body] {
            for part in source.split(separator: "&") {
                let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(pieces[0]).removingPercentEncoding ?? String(pieces[0])
                let raw = pieces.count > 1 ? String(pieces[1]).replacingOccurrences(of: "+", with: " ") : ""
                result[name] = raw.removingPercentEncoding ?? raw
            }
        }
        return result
    }
}

