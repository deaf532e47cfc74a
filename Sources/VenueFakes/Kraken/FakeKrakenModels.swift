import TradingModel

/// An order inside the fake venue.
public struct FakeKrakenOrder: Sendable, Hashable {
    public var txid: String
    public var clOrdId: String?
    public var userref: Int64?
    public var pair: FakeKrakenPair
    public var side: OrderSide
    /// `market`, `limit`, `stop-loss`, `take-profit`, `stop-loss-limit`, `take-profit-limit`.
    public var orderType: String
    public var price: Fixed?
    public var price2: Fixed?
    public var volume: Fixed
    public var executed: Fixed = .zero
    public var cost: Fixed = .zero
    public var fee: Fixed = .zero
    /// `open`, `closed`, `canceled`, `expired`.
    public var status: String = "open"
    public var immediateOrCancel: Bool
    public var triggered = false
    /// Unix seconds.
    public var openTime: Double
    public var closeTime: Double?
    public var reason: String?
    public var trades: [String] = []

    /// Remaining volume.
    public var remaining: Fixed { volume - executed }
}

/// One execution of the account in the fake venue.
public struct FakeKrakenTrade: Sendable, Hashable {
    public var txid: String
    /// Sequential per-venue id, also sent as `trade_id` on WebSocket.
    public var number: Int64
    public var orderTxid: String
    public var pair: FakeKrakenPair
    public var side: OrderSide
    public var orderType: String
    public var price: Fixed
    public var volume: Fixed
    public var cost: Fixed
    public var fee: Fixed
    /// Unix seconds.
    public var time: Double
    public var maker: Bool
}

/// A public trade of a pair (the `Trades` endpoint, the `trade` channel and the source of OHLC).
public struct FakeKrakenPublicTrade: Sendable, Hashable {
    public var id: Int64
    public var price: Fixed
    public var volume: Fixed
    /// Unix nanoseconds.
    public var timeNanos: Int64
    public var side: OrderSide

    public init(id: Int64, price: Fixed, volume: Fixed, timeNanos: Int64, side: OrderSide) {
        self.id = id
        self.price = price
        self.volume = volume
        self.timeNanos = timeNanos
        self.side = side
    }
}

/// Rate-limit parameters of the fake (Kraken's tiers, or small fast ones for tests).
public struct FakeKrakenLimits: Sendable, Hashable {
    public var callCounterMax: Double
    public var callDecayPerSecond: Double
    public var tradingCounterMax: Double
    public var tradingDecayPerSecond: Double

    public init(callCounterMax: Double = 15, callDecayPerSecond: Double = 0.33, tradingCounterMax: Double = 60,
                tradingDecayPerSecond: Double = 1) {
        self.callCounterMax = callCounterMax
        self.callDecayPerSecond = callDecayPerSecond
        self.tradingCounterMax = tradingCounterMax
        self.tradingDecayPerSecond = tradingDecayPerSecond
    }
}

/// A message the venue wants pushed to WebSocket subscribers.
enum FakeKrakenPush: Sendable {
    /// An `executions` entry.
    case execution(FakeJSON)
    /// A `trade` entry for a v2 symbol.
    case trade(symbol: String, entry: FakeJSON)
    /// A candle update for a v2 symbol and interval (minutes).
    case ohlc(symbol: String, interval: Int, entry: FakeJSON)
}
