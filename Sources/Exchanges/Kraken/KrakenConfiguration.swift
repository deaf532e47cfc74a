import Foundation

/// Where and how the Kraken adapter connects. Every URL defaults to the real venue and can be pointed at a
/// fake (`FakeKrakenServer`) or a proxy.
public struct KrakenConfiguration: Sendable {
    /// REST base, without the `/0/...` path.
    public var restBaseURL: String
    /// Public WebSocket v2 endpoint.
    public var webSocketURL: String
    /// Authenticated WebSocket v2 endpoint (executions).
    public var webSocketAuthURL: String
    /// API key and secret; nil for public data only.
    public var credentials: KrakenCredentials?
    /// The account's verification tier (rate limits).
    public var tier: KrakenRateTier
    /// Public endpoints: sustained calls per second and burst (Kraken allows about one per second per IP).
    public var publicCallsPerSecond: Double
    public var publicBurst: Double
    /// Per-request timeout in seconds; an order whose answer does not arrive in time is `outcomeUnknown`.
    public var requestTimeout: Double
    /// File keeping the nonce high-water mark across restarts; nil keeps it in memory.
    public var nonceFile: URL?
    /// WebSocket: ping interval and the silence after which the connection is considered dead (seconds).
    public var pingInterval: Double
    public var staleAfter: Double
    /// WebSocket reconnect backoff: first delay and cap (seconds), doubled after each failed attempt.
    public var reconnectInitialDelay: Double
    public var reconnectMaxDelay: Double

    public static let defaultRESTBaseURL = "https://api.kraken.com"
    public static let defaultWebSocketURL = "wss://ws.kraken.com/v2"
    public static let defaultWebSocketAuthURL = "wss://ws-auth.kraken.com/v2"

    public init(restBaseURL: String = KrakenConfiguration.defaultRESTBaseURL,
                webSocketURL: String = KrakenConfiguration.defaultWebSocketURL,
                webSocketAuthURL: String = KrakenConfiguration.defaultWebSocketAuthURL,
                credentials: KrakenCredentials? = nil, tier: KrakenRateTier = .starter,
                publicCallsPerSecond: Double = 1, publicBurst: Double = 5, requestTimeout: Double = 10,
                nonceFile: URL? = nil, pingInterval: Double = 20, staleAfter: Double = 60,
                reconnectInitialDelay: Double = 0.5, reconnectMaxDelay: Double = 30) {
        self.restBaseURL = restBaseURL.hasSuffix("/") ? String(restBaseURL.dropLast()) : restBaseURL
        self.webSocketURL = webSocketURL
        self.webSocketAuthURL = webSocketAuthURL
        self.credentials = credentials
        self.tier = tier
        self.publicCallsPerSecond = publicCallsPerSecond
        self.publicBurst = publicBurst
        self.requestTimeout = requestTimeout
        self.nonceFile = nonceFile
        self.pingInterval = pingInterval
        self.staleAfter = staleAfter
        self.reconnectInitialDelay = reconnectInitialDelay
        self.reconnectMaxDelay = reconnectMaxDelay
    }
}

/// A Kraken API key and its signer. The secret is never printed: `description` shows only the key's first
/// characters.
public struct KrakenCredentials: Sendable, CustomStringConvertible {
    /// The public API key, sent as the `API-Key` header.
    public let apiKey: String
    /// Signs requests with the decoded secret.
    public let signer: KrakenSigner

    /// - Throws: ``KrakenConfigurationError/secretNotBase64`` when the secret is not base64.
    public init(apiKey: String, apiSecret: String) throws(KrakenConfigurationError) {
        self.apiKey = apiKey
        self.signer = try KrakenSigner(base64Secret: apiSecret)
    }

    public var description: String { "KrakenCredentials(apiKey: \(apiKey.prefix(4))…, secret: <redacted>)" }
}
