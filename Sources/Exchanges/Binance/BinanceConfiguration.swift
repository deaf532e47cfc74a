/// Where and as whom the Binance adapter connects. Real URLs are the defaults; `testnet` switches to
/// testnet.binance.vision; explicit base URLs (the fake server in tests) override both.
public struct BinanceConfiguration: Sendable {
    /// The production REST base URL.
    public static let productionREST = "https://api.binance.com"
    /// The production WebSocket base URL (streams live under `/ws` and `/stream`).
    public static let productionWebSocket = "wss://stream.binance.com:9443"
    /// The spot testnet REST base URL.
    public static let testnetREST = "https://testnet.binance.vision"
    /// The spot testnet WebSocket base URL.
    public static let testnetWebSocket = "wss://stream.testnet.binance.vision"

    /// API key sent in `X-MBX-APIKEY` (a secret: never logged).
    public var apiKey: String
    /// API secret used for HMAC-SHA256 signatures (a secret: never logged).
    public var apiSecret: String
    /// REST base URL without a trailing slash.
    public var restBaseURL: String
    /// WebSocket base URL without a trailing slash.
    public var webSocketBaseURL: String
    /// `recvWindow` sent with signed requests, in ms (Binance's default is 5000, the maximum 60000).
    public var recvWindow: Int
    /// Time allowed for one REST request.
    public var requestTimeout: Duration
    /// Interval of listen-key keep-alives (Binance expires a key after 60 min without one).
    public var listenKeyKeepAlive: Duration
    /// A stream connection is recycled after this age (Binance drops connections at 24 h).
    public var maxConnectionAge: Duration

    /// Creates a configuration. Empty base URLs mean the production or testnet defaults.
    public init(apiKey: String = "", apiSecret: String = "", testnet: Bool = false, restBaseURL: String = "",
                webSocketBaseURL: String = "", recvWindow: Int = 5000, requestTimeout: Duration = .seconds(10),
                listenKeyKeepAlive: Duration = .seconds(30 * 60), maxConnectionAge: Duration = .seconds(23 * 3600 + 1800)) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        let rest = restBaseURL.isEmpty ? (testnet ? Self.testnetREST : Self.productionREST) : restBaseURL
        self.restBaseURL = rest.hasSuffix("/") ? String(rest.dropLast()) : rest
        var ws = webSocketBaseURL
        if ws.isEmpty {
            if !restBaseURL.isEmpty, restBaseURL.hasPrefix("http://") {
                ws = "ws://" + restBaseURL.dropFirst("http://".count)
            } else {
                ws = testnet ? Self.testnetWebSocket : Self.productionWebSocket
            }
        }
        self.webSocketBaseURL = ws.hasSuffix("/") ? String(ws.dropLast()) : ws
        self.recvWindow = recvWindow
        self.requestTimeout = requestTimeout
        self.listenKeyKeepAlive = listenKeyKeepAlive
        self.maxConnectionAge = maxConnectionAge
    }

    /// True when both key and secret are set.
    public var hasCredentials: Bool { !apiKey.isEmpty && !apiSecret.isEmpty }
}
