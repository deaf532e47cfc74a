/// Whether a fill added liquidity (resting order) or took it.
public enum Liquidity: String, Sendable, Hashable, Codable { case maker, taker }

/// One execution of (part of) an order.
public struct Fill: Sendable, Hashable, Codable {
    public var tradeId: String
    public var clientOrderId: String
    public var venueOrderId: String
    public var symbol: String
    public var side: OrderSide
    public var price: Price
    public var quantity: Quantity
    /// Fee charged, in quote currency.
    public var fee: Money
    public var liquidity: Liquidity
    /// Unix ms of the execution.
    public var time: Int64

    public init(tradeId: String, clientOrderId: String, venueOrderId: String, symbol: String, side: OrderSide,
                price: Price, quantity: Quantity, fee: Money, liquidity: Liquidity, time: Int64) {
        self.tradeId = tradeId
        self.clientOrderId = clientOrderId
        self.venueOrderId = venueOrderId
        self.symbol = symbol
        self.side = side
        self.price = price
        self.quantity = quantity
        self.fee = fee
        self.liquidity = liquidity
        self.time = time
    }

    /// Price x quantity.
    public var notional: Money { price * quantity }
}
