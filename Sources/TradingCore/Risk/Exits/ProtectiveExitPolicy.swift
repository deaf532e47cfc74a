/// The protective exits of every position one strategy opens: stop-loss, take-profit, trailing stop, time
/// stop and break-even move. All optional; an empty policy protects nothing.
public struct ProtectiveExitPolicy: Sendable, Hashable, Codable {
    /// Stop-loss below a long's entry (above a short's): `2%`, `3atr` or a price.
    public var stopLoss: ExitDistance?
    /// Take-profit above a long's entry (below a short's): `4%`, `6atr` or a price.
    public var takeProfit: ExitDistance?
    /// Trailing stop behind the best price since entry: `2%`, `3atr` or a price distance.
    public var trailingStop: ExitDistance?
    /// Closes the position after a number of bars or a duration.
    public var timeStop: TimeStop?
    /// Once the price moved this far in favour (`1%`, `2atr` or a distance), the stop moves to the entry
    /// price plus the round-trip fees.
    public var breakEven: ExitDistance?
    /// Bars of the average true range behind every `atr` distance (Wilder smoothing); default 14.
    public var atrPeriod: Int = 14

    /// A policy; every exit is off unless given.
    public init(stopLoss: ExitDistance? = nil, takeProfit: ExitDistance? = nil, trailingStop: ExitDistance? = nil,
                timeStop: TimeStop? = nil, breakEven: ExitDistance? = nil, atrPeriod: Int = 14) {
        self.stopLoss = stopLoss
        self.takeProfit = takeProfit
        self.trailingStop = trailingStop
        self.timeStop = timeStop
        self.breakEven = breakEven
        self.atrPeriod = atrPeriod
    }

    /// True when no exit is set.
    public var isEmpty: Bool {
        stopLoss == nil && takeProfit == nil && trailingStop == nil && timeStop == nil && breakEven == nil
    }

    /// Whether some distance is an ATR multiple (the kernel then tracks the ATR).
    public var needsATR: Bool {
        [stopLoss, takeProfit, trailingStop, breakEven].contains { $0?.needsATR ?? false }
    }

    /// This policy with every exit `other` sets replacing this one's.
    public func overridden(by other: ProtectiveExitOverride) -> ProtectiveExitPolicy {
        var policy = self
        if let v = other.stopLoss { policy.stopLoss = v }
        if let v = other.takeProfit { policy.takeProfit = v }
        if let v = other.trailingStop { policy.trailingStop = v }
        if let v = other.timeStop { policy.timeStop = v }
        if let v = other.breakEven { policy.breakEven = v }
        if let v = other.atrPeriod { policy.atrPeriod = v }
        return policy
    }

    /// Checks `atr_period` (1 to 1000).
    public func validate(prefix: String = "risk.protective_exits") throws(RiskLimitsError) {
        guard (1...1000).contains(atrPeriod) else {
            throw RiskLimitsError(path: "\(prefix).atr_period", value: "\(atrPeriod)", allowed: "an integer from 1 to 1000")
        }
    }

    enum CodingKeys: String, CodingKey {
        case stopLoss = "stop_loss", takeProfit = "take_profit", trailingStop = "trailing_stop"
        case timeStop = "time_stop", breakEven = "break_even", atrPeriod = "atr_period"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stopLoss = try c.decodeIfPresent(ExitDistance.self, forKey: .stopLoss)
        takeProfit = try c.decodeIfPresent(ExitDistance.self, forKey: .takeProfit)
        trailingStop = try c.decodeIfPresent(ExitDistance.self, forKey: .trailingStop)
        timeStop = try c.decodeIfPresent(TimeStop.self, forKey: .timeStop)
        breakEven = try c.decodeIfPresent(ExitDistance.self, forKey: .breakEven)
        atrPeriod = try c.decodeIfPresent(Int.self, forKey: .atrPeriod) ?? 14
    }

    /// Encodes every key, unset exits as null (so the configuration schema lists them).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeOptional(stopLoss, forKey: .stopLoss)
        try c.encodeOptional(takeProfit, forKey: .takeProfit)
        try c.encodeOptional(trailingStop, forKey: .trailingStop)
        try c.encodeOptional(timeStop, forKey: .timeStop)
        try c.encodeOptional(breakEven, forKey: .breakEven)
        try c.encode(atrPeriod, forKey: .atrPeriod)
    }
}

/// One strategy's changes to the default protective exits (`risk.protective_exits.overrides[]`).
public struct ProtectiveExitOverride: Sendable, Hashable, Codable {
    /// Strategy name, e.g. `rsi_reversion`.
    public var strategy: String
    public var stopLoss: ExitDistance?
    public var takeProfit: ExitDistance?
    public var trailingStop: ExitDistance?
    public var timeStop: TimeStop?
    public var breakEven: ExitDistance?
    public var atrPeriod: Int?

    /// An override for `strategy`; unset exits keep the defaults.
    public init(strategy: String = "", stopLoss: ExitDistance? = nil, takeProfit: ExitDistance? = nil,
                trailingStop: ExitDistance? = nil, timeStop: TimeStop? = nil, breakEven: ExitDistance? = nil,
                atrPeriod: Int? = nil) {
        self.strategy = strategy
        self.stopLoss = stopLoss
        self.takeProfit = takeProfit
        self.trailingStop = trailingStop
        self.timeStop = timeStop
        self.breakEven = breakEven
        self.atrPeriod = atrPeriod
    }

    enum CodingKeys: String, CodingKey {
        case strategy, stopLoss = "stop_loss", takeProfit = "take_profit", trailingStop = "trailing_stop"
        case timeStop = "time_stop", breakEven = "break_even", atrPeriod = "atr_period"
    }

    /// Encodes every key, unset exits as null (so the configuration schema lists them).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(strategy, forKey: .strategy)
        try c.encodeOptional(stopLoss, forKey: .stopLoss)
        try c.encodeOptional(takeProfit, forKey: .takeProfit)
        try c.encodeOptional(trailingStop, forKey: .trailingStop)
        try c.encodeOptional(timeStop, forKey: .timeStop)
        try c.encodeOptional(breakEven, forKey: .breakEven)
        try c.encodeOptional(atrPeriod, forKey: .atrPeriod)
    }
}

/// The `risk.protective_exits` section: defaults for every strategy plus per-strategy overrides.
public struct ProtectiveExitConfig: Sendable, Hashable, Codable {
    /// Exits of every strategy without an override.
    public var defaults = ProtectiveExitPolicy()
    /// Per-strategy changes.
    public var overrides: [ProtectiveExitOverride] = []

    /// No exits.
    public init(defaults: ProtectiveExitPolicy = ProtectiveExitPolicy(), overrides: [ProtectiveExitOverride] = []) {
        self.defaults = defaults
        self.overrides = overrides
    }

    /// The exits of `strategy`: the defaults with its override (the last one naming it) applied.
    public func policy(for strategy: String) -> ProtectiveExitPolicy {
        guard let match = overrides.last(where: { $0.strategy == strategy }) else { return defaults }
        return defaults.overridden(by: match)
    }

    /// Checks the defaults and every override.
    public func validate() throws(RiskLimitsError) {
        try defaults.validate()
        for (i, o) in overrides.enumerated() {
            guard !o.strategy.isEmpty else {
                throw RiskLimitsError(path: "risk.protective_exits.overrides[\(i)].strategy", value: "''", allowed: "a strategy name")
            }
            try defaults.overridden(by: o).validate(prefix: "risk.protective_exits.overrides[\(i)]")
        }
    }

    public init(from decoder: Decoder) throws {
        defaults = try ProtectiveExitPolicy(from: decoder)
        let c = try decoder.container(keyedBy: OverrideKey.self)
        overrides = try c.decodeIfPresent([ProtectiveExitOverride].self, forKey: .overrides) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        try defaults.encode(to: encoder)
        var c = encoder.container(keyedBy: OverrideKey.self)
        try c.encode(overrides, forKey: .overrides)
    }

    enum OverrideKey: String, CodingKey { case overrides }
}

extension KeyedEncodingContainer {
    /// Encodes `value`, or an explicit null when it is nil.
    mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
