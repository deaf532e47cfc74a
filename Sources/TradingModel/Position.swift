/// A net position in one instrument: positive quantity is long, negative is short.
public struct Position: Sendable, Hashable, Codable {
    public var symbol: String
    public var quantity: Quantity
    /// Average entry price of the open quantity (zero when flat).
    public var averageEntryPrice: Price
    /// Profit realized by closing (part of) the position, before fees.
    public var realizedPnl: Money
    /// Unix ms when the current position was opened (0 when flat).
    public var openedAt: Int64

    public init(symbol: String) {
        self.symbol = symbol
        self.quantity = .zero
        self.averageEntryPrice = .zero
        self.realizedPnl = .zero
        self.openedAt = 0
    }

    public var isFlat: Bool { quantity.isZero }
    public var isLong: Bool { quantity.isPositive }
    public var isShort: Bool { quantity.isNegative }

    /// Unrealized profit at `mark`.
    @inlinable public func unrealizedPnl(at mark: Price) -> Money { (mark - averageEntryPrice) * quantity }

    /// Applies a fill; returns the realized profit (before fees) of the part that closed.
    @discardableResult
    public mutating func apply(side: OrderSide, quantity fillQuantity: Quantity, price: Price, time: Int64) -> Money {
        let signed = side == .buy ? fillQuantity : -fillQuantity
        if quantity.isZero {
            // Opening: the entry price is the fill price, exactly.
            quantity = signed
            averageEntryPrice = price
            openedAt = time
            return .zero
        }
        if quantity.signum == signed.signum {
            // Adding: new weighted average.
            let newQuantity = quantity + signed
            averageEntryPrice = (averageEntryPrice * quantity.magnitude + price * fillQuantity) / newQuantity.magnitude
            quantity = newQuantity
            return .zero
        }
        // Reducing, closing or flipping.
        let closing = Fixed.min(fillQuantity, quantity.magnitude)
        let pnl = (price - averageEntryPrice) * (quantity.isPositive ? closing : -closing)
        realizedPnl += pnl
        quantity += signed
        if quantity.isZero {
            averageEntryPrice = .zero
            openedAt = 0
        } else if quantity.signum == signed.signum {
            // Flipped: the remainder opens a new position at the fill price.
            averageEntryPrice = price
            openedAt = time
        }
        return pnl
    }

    /// Books a commission the venue took out of the traded asset itself (Binance charges a buy's commission in
    /// the base asset it delivers): the account holds `amount` less, so the signed quantity drops by `amount`.
    /// The average entry price and the realized profit stay as they are; the fee's value is a cost the ledger
    /// books separately. A position the fee empties is flat; one it opens (a fee on a fill that flattened the
    /// position, or one it flips) is a residual at `price`, opened at `time`.
    public mutating func deductFee(_ amount: Quantity, price: Price, time: Int64) {
        guard !amount.isZero else { return }
        let before = quantity
        quantity -= amount
        if quantity.isZero {
            averageEntryPrice = .zero
            openedAt = 0
        } else if quantity.signum != before.signum {
            averageEntryPrice = price
            openedAt = time
        }
    }
}

/// Funds of one asset on an account.
public struct Balance: Sendable, Hashable, Codable {
    public var asset: String
    public var free: Money
    public var locked: Money

    public init(asset: String, free: Money, locked: Money = .zero) {
        self.asset = asset
        self.free = free
        self.locked = locked
    }

    public var total: Money { free + locked }
}
