import TradingModel

/// How a `target` intent becomes a quantity.
public enum PositionSizing: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Spend all free cash (longs) or short the equity's worth (shorts).
    case allIn
    /// Commit this fraction of equity (0 < x <= 1).
    case fraction(Double)
    /// A fixed quantity of the base asset.
    case fixed(Quantity)

    /// Parses `all-in`, `fraction:0.25` or `fixed:0.5`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch parts.first {
        case "all-in" where parts.count == 1: self = .allIn
        case "fraction" where parts.count == 2:
            guard let x = Double(parts[1]), x > 0, x <= 1 else { return nil }
            self = .fraction(x)
        case "fixed" where parts.count == 2:
            guard let q = Fixed(parts[1]), q.isPositive else { return nil }
            self = .fixed(q)
        default: return nil
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let value = PositionSizing(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "sizing '\(text)' is not all-in, fraction:X (0<X<=1) or fixed:Q (Q>0)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public var description: String {
        switch self {
        case .allIn: return "all-in"
        case let .fraction(x): return "fraction:\(x)"
        case let .fixed(q): return "fixed:\(q)"
        }
    }

    /// Quote currency to commit to a new long position (a quote-quantity market buy), or nil when the
    /// sizing is a fixed quantity.
    public func longBudget(cash: Money, equity: Money) -> Money? {
        switch self {
        case .allIn: return cash
        case let .fraction(x): return Fixed.min(cash, Fixed(equity.doubleValue * x))
        case .fixed: return nil
        }
    }

    /// Quantity for a new position when the price is estimated at `price` (shorts, fixed sizing).
    public func quantity(equity: Money, price: Price, instrument: Instrument) -> Quantity {
        guard price.isPositive else { return .zero }
        switch self {
        case .allIn: return instrument.roundQuantity(equity / price)
        case let .fraction(x): return instrument.roundQuantity(Fixed(equity.doubleValue * x) / price)
        case let .fixed(q): return instrument.roundQuantity(q)
        }
    }
}
