import TradingModel

extension RiskEngine {
    /// Replaces the limits of a running engine (the service's SIGHUP reload).
    ///
    /// `next` is validated first: invalid limits throw and the engine keeps its old ones. Everything the engine
    /// has learned is kept: the trading state, the equity peak and start-of-day equity, locks, stop-out counts,
    /// the order counters and the correlation window's returns (a shorter or longer `correlation_window` keeps
    /// the newest returns that fit). The new limits apply from the next check and the next bar: a lowered
    /// `max_drawdown` that the current drawdown already exceeds halts on the next bar, exactly as if it had been
    /// configured from the start. Lifting a limit never resumes a halted engine; that stays an operator action.
    /// Records a `limits_updated` event naming every changed key with its old and new value.
    /// - Returns: the changed keys (`risk.` paths without the prefix), empty when nothing changed.
    @discardableResult
    public mutating func updateLimits(_ next: RiskLimits, time: Int64) throws(RiskLimitsError) -> [String] {
        try next.validate()
        let changes = RiskLimits.changes(from: limits, to: next)
        guard !changes.isEmpty else { return [] }
        if next.correlationWindow != limits.correlationWindow, let current = correlation {
            correlation = current.resized(window: next.correlationWindow)
        }
        limits = next
        let reason = "limits reloaded: " + changes.map(\.description).joined(separator: ", ")
        events.append(RiskEvent(time: time, kind: .limitsUpdated, from: state, to: state, code: "limits_updated",
                                reason: reason))
        return changes.map(\.key)
    }
}

extension RiskLimits {
    /// One changed limit: its config key and both values as text.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        public var key: String
        /// The old value, empty for a nested section (compared as a whole).
        public var old: String
        /// The new value, empty for a nested section.
        public var new: String

        public var description: String { old.isEmpty && new.isEmpty ? "\(key) changed" : "\(key) \(old) -> \(new)" }
    }

    /// The keys whose values differ between `old` and `new`, in config order. The nested sections
    /// (`protective_exits`, `cooldown`, `pair_lock`, `promotion`) are compared as a whole.
    public static func changes(from old: RiskLimits, to new: RiskLimits) -> [Change] {
        var result: [Change] = []
        func compare<T: Equatable>(_ key: String, _ path: KeyPath<RiskLimits, T>) {
            let a = old[keyPath: path], b = new[keyPath: path]
            if a != b { result.append(Change(key: key, old: "\(a)", new: "\(b)")) }
        }
        func compareSection<T: Equatable>(_ key: String, _ path: KeyPath<RiskLimits, T>) {
            if old[keyPath: path] != new[keyPath: path] { result.append(Change(key: key, old: "", new: "")) }
        }
        compare("max_position_fraction", \.maxPositionFraction)
        compare("max_gross_exposure", \.maxGrossExposure)
        compare("max_open_positions", \.maxOpenPositions)
        compare("max_orders_per_second", \.maxOrdersPerSecond)
        compare("max_orders_per_day", \.maxOrdersPerDay)
        compare("price_band", \.priceBand)
        compare("correlation_threshold", \.correlationThreshold)
        compare("correlated_exposure_cap", \.correlatedExposureCap)
        compare("correlation_window", \.correlationWindow)
        compare("daily_loss_limit", \.dailyLossLimit)
        compare("max_drawdown", \.maxDrawdown)
        compare("flatten_on_halt", \.flattenOnHalt)
        compareSection("protective_exits", \.protectiveExits)
        compareSection("cooldown", \.cooldown)
        compareSection("pair_lock", \.pairLock)
        compareSection("promotion", \.promotion)
        return result
    }
}
