/// Buy or sell.
public enum OrderSide: String, Sendable, Hashable, Codable {
    case buy, sell

    /// The side that closes a position opened on this side.
    @inlinable public var opposite: OrderSide { self == .buy ? .sell : .buy }
    /// +1 for buy, -1 for sell.
    @inlinable public var sign: Int { self == .buy ? 1 : -1 }
}

/// Order types a strategy or user may submit.
public enum OrderType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fills at the next available price.
    case market
    /// Fills at the limit price or better.
    case limit
    /// Becomes a market order when the price trades through the stop price.
    case stopMarket = "stop_market"
    /// Becomes a limit order at `limitPrice` when the price trades through the stop price.
    case stopLimit = "stop_limit"
    /// Becomes a market order when the price reaches the profit target (`stopPrice`).
    case takeProfit = "take_profit"
}

/// How long an order stays working.
public enum TimeInForce: String, Sendable, Hashable, Codable {
    /// Good till canceled.
    case gtc
    /// Immediate or cancel: whatever cannot fill at once is canceled.
    case ioc
    /// Fill or kill: fills completely at once or not at all.
    case fok
}

/// What a strategy, user or agent asks the execution engine to place.
public struct OrderRequest: Sendable, Hashable, Codable {
    /// Idempotency key chosen by the client; unique per account.
    public var clientOrderId: String
    public var symbol: String
    public var side: OrderSide
    public var type: OrderType
    public var quantity: Quantity
    /// For market buys: spend this much quote currency (fees included) instead of a fixed quantity; the venue
    /// computes the quantity from the fill price, rounded down to the lot (Binance's `quoteOrderQty`).
    /// When set, `quantity` is an upper bound hint and may be zero.
    public var quoteQuantity: Money?
    /// Limit price for `limit` and `stopLimit`.
    public var limitPrice: Price?
    /// Trigger price for `stopMarket`, `stopLimit` and `takeProfit`.
    public var stopPrice: Price?
    public var timeInForce: TimeInForce
    /// Only reduces an existing position; never opens or flips one.
    public var reduceOnly: Bool
    /// Free-form reason recorded with the order (signal name, protective exit, ...).
    public var tag: String
    /// One-cancels-the-other group: when an order of the group fills (even partly), the venue cancels the
    /// group's other working orders (a protective stop-loss and take-profit pair). Nil: no group.
    public var ocoGroup: String?

    public init(clientOrderId: String, symbol: String, side: OrderSide, type: OrderType = .market,
                quantity: Quantity, quoteQuantity: Money? = nil, limitPrice: Price? = nil, stopPrice: Price? = nil,
                timeInForce: TimeInForce = .gtc, reduceOnly: Bool = false, tag: String = "", ocoGroup: String? = nil) {
        self.clientOrderId = clientOrderId
        self.symbol = symbol
        self.side = side
        self.type = type
        self.quantity = quantity
        self.quoteQuantity = quoteQuantity
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.reduceOnly = reduceOnly
        self.tag = tag
        self.ocoGroup = ocoGroup
    }

    /// Whether the order is completely filled after `fill`, `filled` being the quantity of all its fills
    /// (this one included): a quantity order when the fills add up to ``quantity``, a quote-quantity order
    /// (whose base quantity only the venue knows) when the venue said so on the fill (``Fill/orderComplete``).
    public func isComplete(filled: Quantity, after fill: Fill) -> Bool {
        quoteQuantity == nil ? filled >= quantity : fill.orderComplete == true
    }

    /// Checks that the prices this order type needs are present and positive.
    public func validateShape() -> String? {
        switch type {
        case .market: return nil
        case .limit:
            guard let p = limitPrice, p.isPositive else { return "limit order needs a positive limit price" }
        case .stopMarket, .takeProfit:
            guard let p = stopPrice, p.isPositive else { return "\(type.rawValue) order needs a positive stop price" }
        case .stopLimit:
            guard let s = stopPrice, s.isPositive, let l = limitPrice, l.isPositive else {
                return "stop_limit order needs positive stop and limit prices"
            }
        }
        return nil
    }
}

/// Lifecycle of an order at the venue.
public enum OrderStatus: String, Sendable, Hashable, Codable {
    case pendingNew = "pending_new"
    case accepted
    case partiallyFilled = "partially_filled"
    case filled
    case canceled
    case rejected
    case expired

    /// True once no more fills can come.
    public var isTerminal: Bool {
        switch self {
        case .filled, .canceled, .rejected, .expired: return true
        default: return false
        }
    }
}

/// An order as tracked by the order manager.
public struct Order: Sendable, Hashable, Codable {
    public var request: OrderRequest
    /// Venue-assigned id (empty until acknowledged).
    public var venueOrderId: String
    public var status: OrderStatus
    public var filledQuantity: Quantity
    /// Sum of price x quantity over fills, for the average fill price.
    public var filledNotional: Money
    public var fees: Money
    /// Unix ms when the order was created.
    public var createdAt: Int64
    public var updatedAt: Int64
    /// For stop orders: whether the trigger has fired.
    public var triggered: Bool
    /// The price every fill so far had; nil before the first fill and once fill prices differ.
    public var uniformFillPrice: Price?

    public init(request: OrderRequest, createdAt: Int64) {
        self.request = request
        self.venueOrderId = ""
        self.status = .pendingNew
        self.filledQuantity = .zero
        self.filledNotional = .zero
        self.fees = .zero
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.triggered = false
        self.uniformFillPrice = nil
    }

    /// Books one fill: quantity, notional, fee and time. Venues and the execution engine both call it.
    public mutating func record(fillPrice price: Price, quantity: Quantity, fee: Money, time: Int64) {
        uniformFillPrice = filledQuantity.isZero ? price : (uniformFillPrice == price ? price : nil)
        filledQuantity += quantity
        filledNotional += price * quantity
        fees += fee
        updatedAt = time
    }

    public var remainingQuantity: Quantity { request.quantity - filledQuantity }

    /// For a quote-quantity order, what it may still spend: its quote amount less the notional filled so far
    /// (never negative); nil for a quantity order.
    public var remainingQuote: Money? {
        request.quoteQuantity.map { Fixed.max(.zero, $0 - filledNotional) }
    }

    /// Volume-weighted average fill price (exact when every fill had the same price), or nil before the first fill.
    public var averageFillPrice: Price? {
        if filledQuantity.isZero { return nil }
        return uniformFillPrice ?? filledNotional / filledQuantity
    }
}
