/// `risk.cooldown`: after `count` consecutive stop-outs (stop-loss or trailing stop) of one symbol, no new
/// exposure in that symbol for `duration`.
public struct CooldownConfig: Sendable, Hashable, Codable {
    /// Consecutive stop-outs that start a cooldown; 0 turns it off. Default 3.
    public var count = 3
    /// How long the symbol cools down, in milliseconds (config text `4h`). Default 4 hours.
    public var durationMs: Int64 = 4 * 3_600_000

    /// A cooldown rule.
    public init(count: Int = 3, durationMs: Int64 = 4 * 3_600_000) {
        self.count = count
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey { case count, duration }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? 3
        durationMs = try c.decodeDuration(.duration, default: 4 * 3_600_000, path: "risk.cooldown.duration")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(count, forKey: .count)
        try c.encode(RiskDuration.text(durationMs), forKey: .duration)
    }

    /// `count` 0 to 1000, `duration` 1 second to 365 days.
    public func validate() throws(RiskLimitsError) {
        guard (0...1000).contains(count) else {
            throw RiskLimitsError(path: "risk.cooldown.count", value: "\(count)", allowed: "an integer from 0 (off) to 1000")
        }
        try RiskDuration.check(durationMs, path: "risk.cooldown.duration")
    }
}

/// `risk.pair_lock` (freqtrade's LowProfitPairs): when at least `trade_limit` trades of a symbol closed
/// within `lookback` and their summed return is below `required_profit`, the symbol is locked for `duration`.
public struct PairLockConfig: Sendable, Hashable, Codable {
    /// Off by default.
    public var enabled = false
    /// Window of closed trades, in milliseconds (config text `24h`). Default 24 hours.
    public var lookbackMs: Int64 = 86_400_000
    /// Fewest trades in the window before the rule applies. Default 4.
    public var tradeLimit = 4
    /// Summed trade return (0.01 = +1%) the window must reach; below it the symbol locks. Default 0.
    public var requiredProfit = 0.0
    /// Lock length in milliseconds (config text `12h`). Default 12 hours.
    public var durationMs: Int64 = 12 * 3_600_000

    /// A pair-lock rule.
    public init(enabled: Bool = false, lookbackMs: Int64 = 86_400_000, tradeLimit: Int = 4, requiredProfit: Double = 0,
                durationMs: Int64 = 12 * 3_600_000) {
        self.enabled = enabled
        self.lookbackMs = lookbackMs
        self.tradeLimit = tradeLimit
        self.requiredProfit = requiredProfit
        self.durationMs = durationMs
    }

    enum CodingKeys: String, CodingKey {
        case enabled, lookback, tradeLimit = "trade_limit", requiredProfit = "required_profit", duration
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? false
        lookbackMs = try c.decodeDuration(.lookback, default: 86_400_000, path: "risk.pair_lock.lookback")
        tradeLimit = try c.decodeIfPresent(Int.self, forKey: .tradeLimit) ?? 4
        requiredProfit = try c.decodeIfPresent(Double.self, forKey: .requiredProfit) ?? 0
        durationMs = try c.decodeDuration(.duration, default: 12 * 3_600_000, path: "risk.pair_lock.duration")
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(enabled, forKey: .enabled)
        try c.encode(RiskDuration.text(lookbackMs), forKey: .lookback)
        try c.encode(tradeLimit, forKey: .tradeLimit)
        try c.encode(requiredProfit, forKey: .requiredProfit)
        try c.encode(RiskDuration.text(durationMs), forKey: .duration)
    }

    /// `trade_limit` 1 to 10000, `required_profit` -1 to 10, durations 1 second to 365 days.
    public func validate() throws(RiskLimitsError) {
        try RiskDuration.check(lookbackMs, path: "risk.pair_lock.lookback")
        guard (1...10_000).contains(tradeLimit) else {
            throw RiskLimitsError(path: "risk.pair_lock.trade_limit", value: "\(tradeLimit)", allowed: "an integer from 1 to 10000")
        }
        guard requiredProfit.isFinite, requiredProfit >= -1, requiredProfit <= 10 else {
            throw RiskLimitsError(path: "risk.pair_lock.required_profit", value: "\(requiredProfit)", allowed: "a return from -1 to 10 (0.01 = +1%)")
        }
        try RiskDuration.check(durationMs, path: "risk.pair_lock.duration")
    }
}

extension RiskDuration {
    /// Throws unless `ms` is between 1 second and 365 days.
    static func check(_ ms: Int64, path: String) throws(RiskLimitsError) {
        guard ms >= 1_000, ms <= 365 * 86_400_000 else {
            throw RiskLimitsError(path: path, value: text(ms), allowed: "a duration from 1s to 365d")
        }
    }
}

extension KeyedDecodingContainer {
    /// A duration text (`4h`) or number of seconds at `key`, in milliseconds; `fallback` when absent.
    func decodeDuration(_ key: Key, default fallback: Int64, path: String) throws -> Int64 {
        guard contains(key), try !decodeNil(forKey: key) else { return fallback }
        let text: String
        if let seconds = try? decode(Double.self, forKey: key) { text = "\(seconds)" } else { text = try decode(String.self, forKey: key) }
        do { return try RiskDuration.milliseconds(parsing: text, key: path) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: error.description))
        }
    }
}
