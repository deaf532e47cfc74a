import TradingCore

/// What the service (and `backtest --config`) runs for one strategy: the risk engine with its limits,
/// cooldown and pair lock, the strategy's protective exits, and the promotion criteria.
public struct RiskComponents: Sendable {
    /// The pre-trade gate and portfolio protections.
    public var engine: RiskEngine
    /// The strategy's protective exits (defaults with its override), nil when none is set.
    public var exits: ProtectiveExitPolicy?
    /// The paper-to-live record and capital ladder.
    public var promotion: PromotionCriteria
}

extension AppConfiguration {
    /// Builds the risk engine and protections of `strategy` from the `risk:` section, starting in `state`
    /// (pass the persisted state so a halt survives a restart).
    /// - Throws: ``RiskLimitsError`` naming the key, the value and the allowed range.
    public func riskComponents(strategy: String, allowShort: Bool,
                               state: TradingState = .active) throws(RiskLimitsError) -> RiskComponents {
        let engine = try RiskEngine(limits: risk, allowShort: allowShort, state: state)
        let exits = risk.protectiveExits.policy(for: strategy)
        return RiskComponents(engine: engine, exits: exits.isEmpty ? nil : exits, promotion: risk.promotion)
    }
}
