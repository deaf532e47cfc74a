/// The hidden market state of the synthetic generator: each has its own drift and base volatility.
public enum MarketRegime: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case bull = 0
    case bear = 1
    case range = 2

    /// `bull`, `bear` or `range`.
    public var description: String {
        switch self {
        case .bull: return "bull"
        case .bear: return "bear"
        case .range: return "range"
        }
    }
}
