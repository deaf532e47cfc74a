/// Every limit of the risk engine. Codable with snake_case keys (a `risk:` config section or JSON);
/// missing keys take their defaults and every value is validated against its allowed range.
public struct RiskLimits: Sendable, Hashable, Codable {
    /// Largest position value (|quantity| x mark, working orders included) as a fraction of equity.
    public var maxPositionFraction: Double = 0.10
    /// Largest gross exposure (Σ |position value|, working orders included) as a fraction of equity.
    public var maxGrossExposure: Double = 1.0
    /// Largest number of instruments with an open position.
    public var maxOpenPositions: Int = 10
    /// Most orders accepted within one clock second.
    public var maxOrdersPerSecond: Int = 10
    /// Most orders accepted within one UTC day.
    public var maxOrdersPerDay: Int = 100
    /// Largest relative distance of a limit or stop price from the last price ("fat finger").
    public var priceBand: Double = 0.05
    /// Rolling return correlation at or above which two instruments count as one bet.
    public var correlationThreshold: Double = 0.7
    /// Largest combined exposure of an instrument and every instrument correlated with it, as a fraction of equity.
    public var correlatedExposureCap: Double = 0.30
    /// Number of bar returns in the rolling correlation window.
    public var correlationWindow: Int = 50
    /// Loss from the start-of-UTC-day equity, as a fraction, that switches to REDUCING until the next day.
    public var dailyLossLimit: Double = 0.05
    /// Drop from the equity peak, as a fraction, that triggers the emergency shutdown (HALTED).
    public var maxDrawdown: Double = 0.15
    /// Whether the emergency shutdown also closes every open position.
    public var flattenOnHalt: Bool = true
    /// Stop-loss, take-profit, trailing and time stops, break-even move; per-strategy overrides.
    public var protectiveExits = ProtectiveExitConfig()
    /// Pause after consecutive stop-outs of one symbol.
    public var cooldown = CooldownConfig()
    /// Lock of symbols whose recent trades made too little (off by default).
    public var pairLock = PairLockConfig()
    /// Paper-to-live promotion record and capital ladder.
    public var promotion = PromotionCriteria()

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxPositionFraction = "max_position_fraction"
        case maxGrossExposure = "max_gross_exposure"
        case maxOpenPositions = "max_open_positions"
        case maxOrdersPerSecond = "max_orders_per_second"
        case maxOrdersPerDay = "max_orders_per_day"
        case priceBand = "price_band"
        case correlationThreshold = "correlation_threshold"
        case correlatedExposureCap = "correlated_exposure_cap"
        case correlationWindow = "correlation_window"
        case dailyLossLimit = "daily_loss_limit"
        case maxDrawdown = "max_drawdown"
        case flattenOnHalt = "flatten_on_halt"
        case protectiveExits = "protective_exits", cooldown, pairLock = "pair_lock", promotion
    }

    /// Decodes the keys present (others keep their defaults), then validates.
    /// - Throws: `DecodingError.dataCorrupted` whose description is the ``RiskLimitsError`` sentence.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var limits = RiskLimits()
        func read<T: Decodable>(_ key: CodingKeys, _ value: inout T) throws {
            do {
                if let v = try c.decodeIfPresent(T.self, forKey: key) { value = v }
            } catch DecodingError.dataCorrupted(let context) where !context.debugDescription.hasPrefix("risk.") {
                // Nested sections name their keys from their coding path; say which section they are in.
                throw DecodingError.dataCorrupted(.init(codingPath: context.codingPath,
                                                        debugDescription: "risk." + context.debugDescription))
            }
        }
        try read(.maxPositionFraction, &limits.maxPositionFraction)
        try read(.maxGrossExposure, &limits.maxGrossExposure)
        try read(.maxOpenPositions, &limits.maxOpenPositions)
        try read(.maxOrdersPerSecond, &limits.maxOrdersPerSecond)
        try read(.maxOrdersPerDay, &limits.maxOrdersPerDay)
        try read(.priceBand, &limits.priceBand)
        try read(.correlationThreshold, &limits.correlationThreshold)
        try read(.correlatedExposureCap, &limits.correlatedExposureCap)
        try read(.correlationWindow, &limits.correlationWindow)
        try read(.dailyLossLimit, &limits.dailyLossLimit)
        try read(.maxDrawdown, &limits.maxDrawdown)
        try read(.flattenOnHalt, &limits.flattenOnHalt)
        try read(.protectiveExits, &limits.protectiveExits)
        try read(.cooldown, &limits.cooldown)
        try read(.pairLock, &limits.pairLock)
        try read(.promotion, &limits.promotion)
        do { try limits.validate() } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: error.description))
        }
        self = limits
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(maxPositionFraction, forKey: .maxPositionFraction)
        try c.encode(maxGrossExposure, forKey: .maxGrossExposure)
        try c.encode(maxOpenPositions, forKey: .maxOpenPositions)
        try c.encode(maxOrdersPerSecond, forKey: .maxOrdersPerSecond)
        try c.encode(maxOrdersPerDay, forKey: .maxOrdersPerDay)
        try c.encode(priceBand, forKey: .priceBand)
        try c.encode(correlationThreshold, forKey: .correlationThreshold)
        try c.encode(correlatedExposureCap, forKey: .correlatedExposureCap)
        try c.encode(correlationWindow, forKey: .correlationWindow)
        try c.encode(dailyLossLimit, forKey: .dailyLossLimit)
        try c.encode(maxDrawdown, forKey: .maxDrawdown)
        try c.encode(flattenOnHalt, forKey: .flattenOnHalt)
        try c.encode(protectiveExits, forKey: .protectiveExits)
        try c.encode(cooldown, forKey: .cooldown)
        try c.encode(pairLock, forKey: .pairLock)
        try c.encode(promotion, forKey: .promotion)
    }

    /// Checks every limit against its allowed range; the first violation is thrown.
    public func validate() throws(RiskLimitsError) {
        try Self.check("max_position_fraction", maxPositionFraction, above: 0, atMost: 1)
        try Self.check("max_gross_exposure", maxGrossExposure, above: 0, atMost: 10)
        try Self.check("max_open_positions", maxOpenPositions, 1...10_000)
        try Self.check("max_orders_per_second", maxOrdersPerSecond, 1...1_000_000)
        try Self.check("max_orders_per_day", maxOrdersPerDay, 1...10_000_000)
        try Self.check("price_band", priceBand, above: 0, atMost: 1)
        try Self.check("correlation_threshold", correlationThreshold, above: 0, atMost: 1)
        try Self.check("correlated_exposure_cap", correlatedExposureCap, above: 0, atMost: 10)
        try Self.check("correlation_window", correlationWindow, 3...10_000)
        try Self.check("daily_loss_limit", dailyLossLimit, above: 0, atMost: 1)
        try Self.check("max_drawdown", maxDrawdown, above: 0, atMost: 1)
        try protectiveExits.validate()
        try cooldown.validate()
        try pairLock.validate()
        try promotion.validate()
    }

    private static func check(_ key: String, _ value: Double, above low: Double, atMost high: Double) throws(RiskLimitsError) {
        guard value.isFinite, value > low, value <= high else {
            throw RiskLimitsError(key: key, value: "\(value)", allowed: "greater than \(low.formatted) and at most \(high.formatted)")
        }
    }

    private static func check(_ key: String, _ value: Int, _ range: ClosedRange<Int>) throws(RiskLimitsError) {
        guard range.contains(value) else {
            throw RiskLimitsError(key: key, value: "\(value)", allowed: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
    }
}

/// A risk limit outside its allowed range.
public struct RiskLimitsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The snake_case key, e.g. `max_drawdown`.
    public var key: String
    /// The rejected value as text.
    public var value: String
    /// The allowed range in words.
    public var allowed: String

    public init(key: String, value: String, allowed: String) {
        self.key = key
        self.value = value
        self.allowed = allowed
    }

    /// An error at a full path such as `risk.cooldown.count` (the `risk.` prefix is dropped from `key`).
    public init(path: String, value: String, allowed: String) {
        self.init(key: path.hasPrefix("risk.") ? String(path.dropFirst(5)) : path, value: value, allowed: allowed)
    }

    /// E.g. `risk.max_drawdown must be greater than 0 and at most 1, got 1.5`.
    public var description: String { "risk.\(key) must be \(allowed), got \(value)" }
}

extension Double {
    /// `1` rather than `1.0` for whole numbers, for messages.
    fileprivate var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : "\(self)" }
}
