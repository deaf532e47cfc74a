/// What the risk engine lets through.
public enum TradingState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every order that passes the limits.
    case active = "ACTIVE"
    /// Only orders that reduce exposure (after the daily loss limit, until the next UTC day).
    case reducing = "REDUCING"
    /// Nothing but cancels and the engine's own flatten orders (after the max drawdown, until an operator resumes).
    case halted = "HALTED"
}
