import TradingModel

/// The direction a strategy wants to hold.
public enum TargetDirection: Int8, Sendable, Hashable, Codable {
    case short = -1, flat = 0, long = 1
}

/// What a strategy asks for. The kernel sizes it, passes it through the risk hook and turns it into orders.
public enum OrderIntent: Sendable, Hashable {
    /// Hold a position in this direction, sized by the position sizer (flat closes any position).
    case target(instrument: Int, direction: TargetDirection, tag: String)
    /// An explicit order. A nil quantity is sized by the position sizer; `quoteAmount` spends that much quote
    /// currency at market instead.
    case order(OrderSpec)
    /// Cancel one working order by client order id.
    case cancel(instrument: Int, clientOrderId: String)
    /// Cancel every working order of the instrument.
    case cancelAll(instrument: Int)
}

/// An explicit order a strategy wants placed.
public struct OrderSpec: Sendable, Hashable {
    public var instrument: Int
    public var side: OrderSide
    public var type: OrderType
    public var quantity: Quantity?
    public var quoteAmount: Money?
    public var limitPrice: Price?
    public var stopPrice: Price?
    public var timeInForce: TimeInForce
    public var reduceOnly: Bool
    public var tag: String

    public init(instrument: Int, side: OrderSide, type: OrderType = .market, quantity: Quantity? = nil,
                quoteAmount: Money? = nil, limitPrice: Price? = nil, stopPrice: Price? = nil,
                timeInForce: TimeInForce = .gtc, reduceOnly: Bool = false, tag: String = "") {
        self.instrument = instrument
        self.side = side
        self.type = type
        self.quantity = quantity
        self.quoteAmount = quoteAmount
        self.limitPrice = limitPrice
        self.stopPrice = stopPrice
        self.timeInForce = timeInForce
        self.reduceOnly = reduceOnly
        self.tag = tag
    }
}
