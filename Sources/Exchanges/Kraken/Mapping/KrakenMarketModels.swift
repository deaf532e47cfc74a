import TradingModel

/// Best bid/ask and last trade of a pair (`GET /0/public/Ticker`).
public struct KrakenTicker: Sendable, Hashable {
    public var pair: String
    public var ask: Fixed
    public var bid: Fixed
    public var last: Fixed
    /// Base volume over the last 24 hours.
    public var volume24h: Fixed
    /// Today's opening price.
    public var open: Fixed
}

/// One price level of the order book.
public struct KrakenBookLevel: Sendable, Hashable {
    public var price: Fixed
    public var quantity: Fixed
    /// Unix seconds of the level's last change.
    public var time: Int64
}

/// The order book of a pair (`GET /0/public/Depth`), best levels first.
public struct KrakenOrderBook: Sendable, Hashable {
    public var pair: String
    public var asks: [KrakenBookLevel]
    public var bids: [KrakenBookLevel]
}

/// One public trade (`GET /0/public/Trades` or the WebSocket `trade` channel).
public struct KrakenPublicTrade: Sendable, Hashable {
    /// Kraken's per-pair trade id.
    public var id: Int64
    public var price: Fixed
    public var quantity: Fixed
    /// Unix time in nanoseconds.
    public var timeNanos: Int64
    public var side: OrderSide

    public init(id: Int64, price: Fixed, quantity: Fixed, timeNanos: Int64, side: OrderSide) {
        self.id = id
        self.price = price
        self.quantity = quantity
        self.timeNanos = timeNanos
        self.side = side
    }

    /// Unix milliseconds.
    public var timeMillis: Int64 { timeNanos / 1_000_000 }
}
