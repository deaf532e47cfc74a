/// Binance REST bodies as sent on the wire. Decimal fields are JSON strings, decoded to exact `Fixed` values
/// by the mapping layer.
public enum BinanceWire {
    /// `GET /api/v3/time`.
    public struct ServerTime: Decodable, Sendable { public var serverTime: Int64 }

    /// One filter of a symbol; only the fields graphwiz uses.
    public struct Filter: Decodable, Sendable {
        public var filterType: String
        public var minPrice: String?
        public var maxPrice: String?
        public var tickSize: String?
        public var minQty: String?
        public var maxQty: String?
        public var stepSize: String?
        public var minNotional: String?
    }

    /// One market of exchangeInfo.
    public struct SymbolInfo: Decodable, Sendable {
        public var symbol: String
        public var status: String
        public var baseAsset: String
        public var quoteAsset: String
        public var filters: [Filter]
    }

    /// `GET /api/v3/exchangeInfo`.
    public struct ExchangeInfo: Decodable, Sendable {
        public var serverTime: Int64?
        public var rateLimits: [BinanceRateLimit]
        public var symbols: [SymbolInfo]
    }

    /// One asset of the account.
    public struct AssetBalance: Decodable, Sendable {
        public var asset: String
        public var free: String
        public var locked: String
    }

    /// `GET /api/v3/account`.
    public struct Account: Decodable, Sendable {
        public var balances: [AssetBalance]
        public var canTrade: Bool?
        public var updateTime: Int64?
    }

    /// One fill inside a FULL new-order response.
    public struct OrderFill: Decodable, Sendable {
        public var price: String
        public var qty: String
        public var commission: String
        public var commissionAsset: String
        public var tradeId: Int64
    }

    /// An order as new order (FULL), cancel, query and open orders return it.
    public struct Order: Decodable, Sendable {
        public var symbol: String
        public var orderId: Int64
        public var clientOrderId: String
        /// Set on cancel responses: the id the order was placed with.
        public var origClientOrderId: String?
        public var transactTime: Int64?
        public var time: Int64?
        public var updateTime: Int64?
        public var price: String
        public var origQty: String
        public var executedQty: String
        public var cummulativeQuoteQty: String
        public var status: String
        public var timeInForce: String?
        public var type: String
        public var side: String
        public var stopPrice: String?
        public var origQuoteOrderQty: String?
        public var fills: [OrderFill]?
    }

    /// One trade of `GET /api/v3/myTrades`.
    public struct Trade: Decodable, Sendable {
        public var symbol: String
        public var id: Int64
        public var orderId: Int64
        public var price: String
        public var qty: String
        public var quoteQty: String?
        public var commission: String
        public var commissionAsset: String
        public var time: Int64
        public var isBuyer: Bool
        public var isMaker: Bool
    }

    /// `GET /api/v3/depth`.
    public struct Depth: Decodable, Sendable {
        public var lastUpdateId: Int64
        public var bids: [[String]]
        public var asks: [[String]]
    }

    /// `GET /api/v3/ticker/24hr` for one symbol.
    public struct Ticker: Decodable, Sendable {
        public var symbol: String
        public var lastPrice: String
        public var bidPrice: String?
        public var askPrice: String?
        public var volume: String?
        public var openTime: Int64?
        public var closeTime: Int64?
    }

    /// `POST /api/v3/userDataStream`.
    public struct ListenKey: Decodable, Sendable { public var listenKey: String }

    /// One row of `GET /api/v3/klines`: `[openTime, "open", "high", "low", "close", "volume", closeTime, ...]`.
    public struct Kline: Decodable, Sendable {
        public var openTime: Int64
        public var open: String
        public var high: String
        public var low: String
        public var close: String
        public var volume: String
        public var closeTime: Int64

        public init(from decoder: any Decoder) throws {
            var row = try decoder.unkeyedContainer()
            openTime = try row.decode(Int64.self)
            open = try row.decode(String.self)
            high = try row.decode(String.self)
            low = try row.decode(String.self)
            close = try row.decode(String.self)
            volume = try row.decode(String.self)
            closeTime = try row.decode(Int64.self)
        }
    }
}
