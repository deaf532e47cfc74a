/// One Binance REST endpoint with its request weight and security type.
public struct BinanceEndpoint: Sendable, Hashable {
    /// How a request proves who it is.
    public enum Security: Sendable, Hashable {
        /// Public market data.
        case none
        /// `X-MBX-APIKEY` header only (user data stream).
        case apiKey
        /// API key header, `timestamp`, `recvWindow` and `signature`.
        case signed
    }

    /// HTTP method.
    public var method: HTTPVerb
    /// Path such as `/api/v3/order`.
    public var path: String
    /// REQUEST_WEIGHT cost.
    public var weight: Int
    /// Security type.
    public var security: Security
    /// Whether the request counts against the ORDERS limits.
    public var placesOrder: Bool

    /// Creates an endpoint.
    public init(_ method: HTTPVerb, _ path: String, weight: Int, security: Security = .none, placesOrder: Bool = false) {
        self.method = method
        self.path = path
        self.weight = weight
        self.security = security
        self.placesOrder = placesOrder
    }

    /// `GET /api/v3/ping`.
    public static let ping = BinanceEndpoint(.get, "/api/v3/ping", weight: 1)
    /// `GET /api/v3/time`.
    public static let time = BinanceEndpoint(.get, "/api/v3/time", weight: 1)
    /// `GET /api/v3/exchangeInfo` (all symbols).
    public static let exchangeInfo = BinanceEndpoint(.get, "/api/v3/exchangeInfo", weight: 20)
    /// `GET /api/v3/klines`.
    public static let klines = BinanceEndpoint(.get, "/api/v3/klines", weight: 2)
    /// `GET /api/v3/ticker/24hr` for one symbol.
    public static let ticker24h = BinanceEndpoint(.get, "/api/v3/ticker/24hr", weight: 2)
    /// `GET /api/v3/ticker/bookTicker` for one symbol.
    public static let bookTicker = BinanceEndpoint(.get, "/api/v3/ticker/bookTicker", weight: 2)
    /// `GET /api/v3/account`.
    public static let account = BinanceEndpoint(.get, "/api/v3/account", weight: 20, security: .signed)
    /// `POST /api/v3/order`.
    public static let newOrder = BinanceEndpoint(.post, "/api/v3/order", weight: 1, security: .signed, placesOrder: true)
    /// `DELETE /api/v3/order`.
    public static let cancelOrder = BinanceEndpoint(.delete, "/api/v3/order", weight: 1, security: .signed)
    /// `GET /api/v3/order`.
    public static let queryOrder = BinanceEndpoint(.get, "/api/v3/order", weight: 4, security: .signed)
    /// `GET /api/v3/myTrades`.
    public static let myTrades = BinanceEndpoint(.get, "/api/v3/myTrades", weight: 20, security: .signed)
    /// `POST /api/v3/userDataStream`.
    public static let createListenKey = BinanceEndpoint(.post, "/api/v3/userDataStream", weight: 2, security: .apiKey)
    /// `PUT /api/v3/userDataStream`.
    public static let keepAliveListenKey = BinanceEndpoint(.put, "/api/v3/userDataStream", weight: 2, security: .apiKey)
    /// `DELETE /api/v3/userDataStream`.
    public static let closeListenKey = BinanceEndpoint(.delete, "/api/v3/userDataStream", weight: 2, security: .apiKey)

    /// `GET /api/v3/openOrders`: weight 6 for one symbol, 80 for all.
    public static func openOrders(allSymbols: Bool) -> BinanceEndpoint {
        BinanceEndpoint(.get, "/api/v3/openOrders", weight: allSymbols ? 80 : 6, security: .signed)
    }

    /// `GET /api/v3/depth`: weight by `limit` (1-100: 5, 101-500: 25, 501-1000: 50, more: 250).
    public static func depth(limit: Int) -> BinanceEndpoint {
        let weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250
        return BinanceEndpoint(.get, "/api/v3/depth", weight: weight)
    }
}
