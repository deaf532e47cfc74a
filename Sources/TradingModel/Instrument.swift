/// A tradable market (a pair on a venue) with its trading rules.
public struct Instrument: Sendable, Hashable, Codable {
    /// Unified symbol, e.g. `BTC/USDT`.
    public var symbol: String
    public var base: String
    public var quote: String
    /// Smallest price increment.
    public var tickSize: Price
    /// Smallest quantity increment.
    public var lotSize: Quantity
    /// Smallest order quantity.
    public var minQuantity: Quantity
    /// Smallest order value (price x quantity) in quote currency.
    public var minNotional: Money
    /// Whether short positions are allowed on this market.
    public var allowShort: Bool

    public init(symbol: String, tickSize: Price = Fixed(raw: 1_000_000), lotSize: Quantity = Fixed(raw: 1_000),
                minQuantity: Quantity? = nil, minNotional: Money = Fixed(5), allowShort: Bool = false) {
        self.symbol = symbol
        let parts = symbol.split(separator: "/")
        self.base = parts.first.map(String.init) ?? symbol
        self.quote = parts.count > 1 ? String(parts[1]) : "USDT"
        self.tickSize = tickSize
        self.lotSize = lotSize
        self.minQuantity = minQuantity ?? lotSize
        self.minNotional = minNotional
        self.allowShort = allowShort
    }

    enum CodingKeys: String, CodingKey {
        case symbol, base, quote, tickSize = "tick_size", lotSize = "lot_size", minQuantity = "min_quantity"
        case minNotional = "min_notional", allowShort = "allow_short"
    }

    /// Rounds a price onto the tick grid.
    @inlinable public func roundPrice(_ price: Price, _ rule: Fixed.Rounding = .nearest) -> Price {
        price.rounded(toMultipleOf: tickSize, rule)
    }

    /// Rounds a quantity down onto the lot grid (never up: an order must not exceed what was sized).
    @inlinable public func roundQuantity(_ quantity: Quantity) -> Quantity {
        quantity.rounded(toMultipleOf: lotSize, .towardZero)
    }

    /// The part of a position `held` (signed) that can be closed by an order: its magnitude rounded down onto the
    /// lot grid, with the sign of `held`. What is below one lot is dust: the account holds it (a base-asset
    /// commission leaves such remainders) but no order can sell it, so planners treat it as flat.
    @inlinable public func tradableQuantity(_ held: Quantity) -> Quantity {
        let lots = roundQuantity(held.magnitude)
        return held.isNegative ? -lots : lots
    }

    /// Why an order of this quantity at this price breaks the instrument's rules, or nil if it does not.
    public func violation(quantity: Quantity, price: Price) -> String? {
        if !quantity.isPositive { return "quantity \(quantity) must be positive" }
        if !quantity.isMultiple(of: lotSize) { return "quantity \(quantity) is not a multiple of lot size \(lotSize)" }
        if quantity < minQuantity { return "quantity \(quantity) is below the minimum \(minQuantity)" }
        if !price.isMultiple(of: tickSize) { return "price \(price) is not a multiple of tick size \(tickSize)" }
        let notional = quantity * price
        if notional < minNotional { return "notional \(notional) is below the minimum \(minNotional)" }
        return nil
    }
}
