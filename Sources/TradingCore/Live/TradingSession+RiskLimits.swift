import TradingModel

extension TradingSession {
    /// Replaces the risk limits of the running session (the service's SIGHUP reload). Validated first; on
    /// error nothing changes. Before the first bar the limits are kept for the engine the first bar builds.
    /// The protective exits of positions already open keep the policy they were opened with.
    /// - Returns: the changed keys, empty when nothing changed.
    /// - Throws: ``SessionError/invalidParameters(_:)`` for invalid limits, ``SessionError/unavailable(_:)``
    ///   when the session runs without the risk engine (configured with no limits).
    public func updateRiskLimits(_ limits: RiskLimits) async throws(SessionError) -> [String] {
        guard let current = configuration.riskLimits else {
            throw .unavailable("session \(sessionId) runs with the basic checks only (no risk limits configured)")
        }
        do { try limits.validate() } catch { throw .invalidParameters("\(error)") }
        var changed = RiskLimits.changes(from: current, to: limits).map(\.key)
        if slot != nil {
            do {
                changed = try slot!.kernel.updateRiskLimits(limits, time: lastBarTime > 0 ? lastBarTime : clock.now()) ?? changed
            } catch {
                throw .invalidParameters("\(error)")
            }
            reportRiskEvents()  // the engine's limits_updated event becomes the alert
        } else if !changed.isEmpty {
            alert(.info, "risk_limits_updated", "session \(sessionId) risk limits changed before its first bar: "
                + changed.joined(separator: ", "))
        }
        configuration.riskLimits = limits
        return changed
    }
}
