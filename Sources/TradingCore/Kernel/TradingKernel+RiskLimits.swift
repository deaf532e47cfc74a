import TradingModel

extension TradingKernel {
    /// Replaces the risk engine's limits while trading (see ``RiskEngine/updateLimits(_:time:)``).
    /// - Returns: the changed keys, or nil when the kernel's risk hook is not a ``RiskEngine`` (basic checks only).
    /// - Throws: the validation error of `limits`; the engine keeps its old limits.
    public mutating func updateRiskLimits(_ limits: RiskLimits, time: Int64) throws(RiskLimitsError) -> [String]? {
        guard var engine = risk as? RiskEngine else { return nil }
        let changed = try engine.updateLimits(limits, time: time)
        risk = engine
        return changed
    }
}
