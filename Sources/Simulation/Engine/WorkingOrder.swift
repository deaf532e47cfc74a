import TradingModel

/// The matching state of one working order, plain values only: the per-bar loop walks a small contiguous
/// array of these without touching reference counts. Strings (ids) live in the parallel `Order` array and
/// are read only when an event is emitted.
struct WorkingOrder: Sendable {
    var side: OrderSide
    var type: OrderType
    var timeInForce: TimeInForce
    /// Limit price for `limit` and `stopLimit`, zero otherwise.
    var limitPrice: Price
    /// Trigger price for `stopMarket`, `stopLimit` and `takeProfit`, zero otherwise.
    var stopPrice: Price
    /// Quantity still to fill. For a quote-quantity order: the optional quantity cap, or `Fixed(raw: .max)`.
    var remaining: Quantity
    /// Quote currency still to spend, fees included, for a quote-quantity order; zero otherwise.
    var remainingQuote: Money
    /// True for a market buy sized by `quoteQuantity`.
    var isQuoteOrder: Bool
    /// Whether a stop or take-profit trigger has fired.
    var triggered: Bool
    /// True once the order has had its arrival opportunity and sits in the book: a later fill at a gapped
    /// open is a maker fill.
    var resting: Bool
    /// Set when the order reaches a terminal state; the engine compacts finished orders away.
    var finished: Bool

    init(_ request: OrderRequest) {
        side = request.side
        type = request.type
        timeInForce = request.timeInForce
        limitPrice = request.limitPrice ?? .zero
        stopPrice = request.stopPrice ?? .zero
        isQuoteOrder = request.quoteQuantity != nil
        if let quote = request.quoteQuantity {
            remainingQuote = quote
            remaining = request.quantity.isPositive ? request.quantity : Fixed(raw: .max)
        } else {
            remainingQuote = .zero
            remaining = request.quantity
        }
        triggered = false
        resting = false
        finished = false
    }

    /// True for a buy stop and a sell take-profit: they fire when the price rises to `stopPrice`.
    var triggersUpward: Bool {
        (side == .buy) == (type != .takeProfit)
    }

    /// Whether the trigger fires at a known traded price (an open or a close).
    func triggers(at price: Price) -> Bool {
        triggersUpward ? price >= stopPrice : price <= stopPrice
    }

    /// Whether the trigger fires somewhere inside the bar's range.
    func triggers(high: Price, low: Price) -> Bool {
        triggersUpward ? high >= stopPrice : low <= stopPrice
    }

    /// Whether an arriving limit order is marketable at `price` (buy: price <= limit).
    func isMarketable(at price: Price) -> Bool {
        side == .buy ? price <= limitPrice : price >= limitPrice
    }

    /// Whether a resting limit order is reached by a trade at `price` (the bar's low for a buy, high for a
    /// sell, or an open or close): touching suffices unless `tradeThrough`.
    func isReached(by price: Price, tradeThrough: Bool) -> Bool {
        if side == .buy { return tradeThrough ? price < limitPrice : price <= limitPrice }
        return tradeThrough ? price > limitPrice : price >= limitPrice
    }
}
