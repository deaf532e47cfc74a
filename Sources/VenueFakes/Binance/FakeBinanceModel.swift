import TradingModel

/// One market the fake Binance lists, with its filters and current price.
public struct FakeBinanceMarket: Sendable, Hashable {
    /// Venue symbol, e.g. `BTCUSDT`.
    public var symbol: String
    public var baseAsset: String
    public var quoteAsset: String
    /// PRICE_FILTER tickSize.
    public var tickSize: Price
    /// LOT_SIZE stepSize.
    public var stepSize: Quantity
    /// LOT_SIZE minQty.
    public var minQty: Quantity
    /// NOTIONAL minNotional.
    public var minNotional: Money
    /// The price market orders fill at and limit orders are matched against.
    public var price: Price

    /// Creates a market.
    public init(symbol: String, baseAsset: String, quoteAsset: String, tickSize: Price, stepSize: Quantity,
                minQty: Quantity, minNotional: Money, price: Price) {
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.quoteAsset = quoteAsset
        self.tickSize = tickSize
        self.stepSize = stepSize
        self.minQty = minQty
        self.minNotional = minNotional
        self.price = price
    }

    /// BTCUSDT: tick 0.01, step 0.00001, min notional 5, price 50000.
    public static let btcusdt = FakeBinanceMarket(symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT",
                                                  tickSize: Fixed("0.01")!, stepSize: Fixed("0.00001")!,
                                                  minQty: Fixed("0.00001")!, minNotional: 5, price: 50_000)
    /// ETHUSDT: tick 0.01, step 0.0001, min notional 5, price 3000.
    public static let ethusdt = FakeBinanceMarket(symbol: "ETHUSDT", baseAsset: "ETH", quoteAsset: "USDT",
                                                  tickSize: Fixed("0.01")!, stepSize: Fixed("0.0001")!,
                                                  minQty: Fixed("0.0001")!, minNotional: 5, price: 3000)
}

/// An order the fake venue holds.
public struct FakeBinanceOrder: Sendable, Hashable {
    public var orderId: Int64
    public var clientOrderId: String
    public var symbol: String
    public var side: OrderSide
    /// Binance type name (`LIMIT`, `STOP_LOSS_LIMIT`, ...).
    public var type: String
    public var timeInForce: String
    public var quantity: Quantity
    public var price: Price
    public var stopPrice: Price
    public var quoteOrderQty: Money
    public var executedQty: Quantity
    public var cumulativeQuote: Money
    /// Binance status name (`NEW`, `FILLED`, `CANCELED`, `EXPIRED`).
    public var status: String
    public var time: Int64
    public var updateTime: Int64
    /// Stop orders: the trigger fired.
    public var triggered: Bool
    /// Funds locked for the order: (asset, amount).
    var reservedAsset: String
    var reservedAmount: Money

    /// True while the order can still fill.
    public var isOpen: Bool { status == "NEW" || status == "PARTIALLY_FILLED" }
}

/// A trade of the account.
public struct FakeBinanceTrade: Sendable, Hashable {
    public var id: Int64
    public var orderId: Int64
    public var symbol: String
    public var price: Price
    public var quantity: Quantity
    public var commission: Money
    public var commissionAsset: String
    public var time: Int64
    public var isBuyer: Bool
    public var isMaker: Bool
}

/// An error the next matching request answers with (test hook).
public struct FakeBinanceFault: Sendable, Hashable {
    /// Only requests to this path (`/api/v3/order`); nil for any.
    public var path: String?
    /// HTTP status.
    public var status: Int
    /// Binance error code for the `{"code":..,"msg":..}` body; nil sends `rawBody`.
    public var code: Int?
    /// Error message.
    public var message: String
    /// `Retry-After` seconds.
    public var retryAfter: Int?
    /// A body sent as is (malformed or truncated JSON) when `code` is nil.
    public var rawBody: String

    /// Creates a fault.
    public init(path: String? = nil, status: Int, code: Int? = nil, message: String = "", retryAfter: Int? = nil,
                rawBody: String = "") {
        self.path = path
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.rawBody = rawBody
    }
}

/// What happens to the answer of the next new order, after the order was recorded (test hook).
public enum FakeOrderAnswer: Sendable, Hashable {
    /// Answer at once.
    case normal
    /// Answer after a delay.
    case delay(Duration)
    /// Never answer (the request hangs until the client gives up or the server stops).
    case drop
}

/// The fake's rate limits, published in exchangeInfo and enforced.
public struct FakeBinanceLimits: Sendable, Hashable {
    public var weightPerMinute: Int
    public var ordersPer10Seconds: Int
    public var ordersPerDay: Int
    /// Number of 429 answers in one window after which the IP is banned (418).
    public var bansAfter429s: Int
    /// Length of a ban in seconds.
    public var banSeconds: Int

    /// Creates limits (Binance's current spot values by default).
    public init(weightPerMinute: Int = 6000, ordersPer10Seconds: Int = 100, ordersPerDay: Int = 200_000,
                bansAfter429s: Int = 3, banSeconds: Int = 120) {
        self.weightPerMinute = weightPerMinute
        self.ordersPer10Seconds = ordersPer10Seconds
        self.ordersPerDay = ordersPerDay
        self.bansAfter429s = bansAfter429s
        self.banSeconds = banSeconds
    }
}
