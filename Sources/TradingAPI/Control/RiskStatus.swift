import TradingCore

/// What the risk engine allows right now.
public struct RiskStatus: Sendable, Hashable, Codable {
    /// `ACTIVE`, `REDUCING` or `HALTED`.
    public var state: TradingState
    /// Why the state last changed (operator reason or the limit that tripped).
    public var reason: String
    /// Unix ms of the last state change.
    public var changedAt: Int64
    /// Current drawdown from the equity peak, fraction.
    public var drawdown: Double
    /// Gross exposure over equity, fraction.
    public var exposure: Double
    /// Limits in force by name (`max_drawdown`, `max_position_fraction`, `daily_loss_limit`, ...).
    public var limits: [String: Double]

    /// A status from its parts.
    public init(state: TradingState, reason: String, changedAt: Int64, drawdown: Double, exposure: Double,
                limits: [String: Double]) {
        self.state = state
        self.reason = reason
        self.changedAt = changedAt
        self.drawdown = drawdown
        self.exposure = exposure
        self.limits = limits
    }
}

/// The effective configuration with secrets hidden.
public struct RedactedConfiguration: Sendable, Hashable, Codable {
    /// The configuration as YAML, secrets as `***`.
    public var yaml: String

    /// Wraps already redacted YAML.
    public init(yaml: String) { self.yaml = yaml }
}
