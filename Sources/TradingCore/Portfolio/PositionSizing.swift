import TradingModel

/// How a `target` intent becomes a quantity.
public enum PositionSizing: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Spend all free cash (longs) or short the equity's worth (shorts).
    case allIn
    /// Commit this fraction of equity (0 < x <= 1).
    case fraction(Double)
    /// A fixed quantity of the base asset.
    case fixed(Quantity)
    /// Position value = equity x target / per-bar volatility (ATR / close, or the standard deviation of close
    /// returns, over `period` bars), at most equity. No position until the volatility is known.
    case volatilityTarget(Double, measure: VolatilityMeasure, period: Int)
    /// Half the Kelly fraction of the strategy's own closed trades, clamped to [0, cap]; cap / 4 until
    /// ``TradeStatistics/minimumTrades`` trades have closed.
    case halfKelly(cap: Double)
    /// Risk `risk` of equity on a stop `stop` (fraction of price) away: value = equity x risk / stop, at most equity.
    case riskPerTrade(Double, stop: Double)

    /// Parses `all-in`, `fraction:0.25`, `fixed:0.5`, `vol-target:0.01:atr:14`, `vol-target:0.01:stdev:20`,
    /// `half-kelly:0.25` or `risk-per-trade:0.01:0.02`.
    public init?(_ text: String) {
        if let value = PositionSizing(riskSizing: text) { self = value; return }
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
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "sizing '\(text)' is not \(PositionSizing.syntax)")
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
        case let .volatilityTarget(x, measure, period): return "vol-target:\(x):\(measure.rawValue):\(period)"
        case let .halfKelly(cap): return "half-kelly:\(cap)"
        case let .riskPerTrade(risk, stop): return "risk-per-trade:\(risk):\(stop)"
        }
    }

    /// Quote currency to commit to a new long position (a quote-quantity market buy), or nil when the
    /// sizing is a fixed quantity.
    public func longBudget(cash: Money, equity: Money) -> Money? {
        switch self {
        case .allIn: return cash
        case let .fraction(x): return Fixed.min(cash, Fixed(equity.doubleValue * x))
        case .fixed, .volatilityTarget, .halfKelly, .riskPerTrade: return nil
        }
    }
}
