import TradingModel

extension PositionSizing {
    /// The `--sizing` syntax, for messages.
    public static let syntax = "all-in, fraction:X (0<X<=1), fixed:Q (Q>0), vol-target:X:atr|stdev:N (0<X<=1, 2<=N<=1000), half-kelly:CAP (0<CAP<=1) or risk-per-trade:R:S (0<R<=1, 0<S<=1)"

    /// Parses the risk-based variants (`vol-target:…`, `half-kelly:…`, `risk-per-trade:…`); nil for anything else.
    init?(riskSizing text: String) {
        let parts = text.split(separator: ":").map(String.init)
        func unit(_ s: String) -> Double? { Double(s).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } }
        switch parts.first {
        case "vol-target" where parts.count == 4:
            guard let x = unit(parts[1]), let measure = VolatilityMeasure(rawValue: parts[2]),
                  let n = Int(parts[3]), (2...1000).contains(n) else { return nil }
            self = .volatilityTarget(x, measure: measure, period: n)
        case "half-kelly" where parts.count == 2:
            guard let cap = unit(parts[1]) else { return nil }
            self = .halfKelly(cap: cap)
        case "risk-per-trade" where parts.count == 3:
            guard let risk = unit(parts[1]), let stop = unit(parts[2]) else { return nil }
            self = .riskPerTrade(risk, stop: stop)
        default: return nil
        }
    }

    /// Whether sizing needs what only the kernel knows (volatility, closed-trade statistics, the cash cap of
    /// quantity-sized longs); the vectorized sweep path cannot run such sizing and uses the event-driven runner.
    public var needsKernelState: Bool {
        switch self {
        case .allIn, .fraction, .fixed: return false
        case .volatilityTarget, .halfKelly, .riskPerTrade: return true
        }
    }

    /// The volatility measure and period this sizing needs the kernel to track, if any.
    public var volatilityNeed: (VolatilityMeasure, Int)? {
        if case let .volatilityTarget(_, measure, period) = self { return (measure, period) }
        return nil
    }

    /// Quantity for a new position, always on the lot grid; zero (no order) when it would be below the
    /// instrument's minimum quantity or notional. Longs never spend more than `cash`.
    /// - Complexity: O(1).
    public func quantity(_ inputs: SizingInputs) -> Quantity {
        guard inputs.price.isPositive, inputs.equity.isPositive else { return .zero }
        let equity = inputs.equity.doubleValue
        var notional: Double
        switch self {
        case .allIn: notional = equity
        case let .fraction(x): notional = equity * x
        case let .fixed(q): return Self.admissible(inputs.instrument.roundQuantity(q), inputs)
        case let .volatilityTarget(x, _, _):
            guard let vol = inputs.volatility, vol > 0, vol.isFinite else { return .zero }
            notional = Swift.min(equity, equity * x / vol)
        case let .halfKelly(cap):
            let fraction = inputs.trades.count < TradeStatistics.minimumTrades
                ? cap / 4 : Swift.min(cap, Swift.max(0, (inputs.trades.kelly ?? 0) / 2))
            notional = equity * fraction
        case let .riskPerTrade(risk, stop):
            notional = Swift.min(equity, equity * risk / stop)
        }
        var budget = Fixed(notional)
        if inputs.long { budget = Fixed.min(budget, inputs.cash) }
        guard budget.isPositive else { return .zero }
        return Self.admissible(inputs.instrument.roundQuantity(budget / inputs.price), inputs)
    }

    /// `quantity` if the instrument accepts it at the price, else zero.
    private static func admissible(_ quantity: Quantity, _ inputs: SizingInputs) -> Quantity {
        let instrument = inputs.instrument
        guard quantity.isPositive, quantity >= instrument.minQuantity,
              quantity * inputs.price >= instrument.minNotional else { return .zero }
        return quantity
    }
}
