/// `risk.promotion`: the paper (or per-step live) record a strategy needs before it may trade, or trade
/// more, real capital, and the capital ladder.
public struct PromotionCriteria: Sendable, Hashable, Codable {
    /// Shortest record, in days. Default 3.
    public var minDays = 3.0
    /// Fewest closed trades. Default 100.
    public var minTrades = 100
    /// Largest peak-to-trough drawdown allowed (fraction). Default 0.10.
    public var maxDrawdown = 0.10
    /// Lowest annualised Sharpe ratio. Default 1.5.
    public var minSharpe = 1.5
    /// Fractions of the strategy's capital per live step, increasing, the last one at most 1.
    /// Default 0.10, 0.25, 0.50, 1.0.
    public var ladder = [0.10, 0.25, 0.50, 1.0]

    /// The defaults.
    public init(minDays: Double = 3, minTrades: Int = 100, maxDrawdown: Double = 0.10, minSharpe: Double = 1.5,
                ladder: [Double] = [0.10, 0.25, 0.50, 1.0]) {
        self.minDays = minDays
        self.minTrades = minTrades
        self.maxDrawdown = maxDrawdown
        self.minSharpe = minSharpe
        self.ladder = ladder
    }

    enum CodingKeys: String, CodingKey {
        case minDays = "min_days", minTrades = "min_trades", maxDrawdown = "max_drawdown", minSharpe = "min_sharpe", ladder
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PromotionCriteria()
        minDays = try c.decodeIfPresent(Double.self, forKey: .minDays) ?? d.minDays
        minTrades = try c.decodeIfPresent(Int.self, forKey: .minTrades) ?? d.minTrades
        maxDrawdown = try c.decodeIfPresent(Double.self, forKey: .maxDrawdown) ?? d.maxDrawdown
        minSharpe = try c.decodeIfPresent(Double.self, forKey: .minSharpe) ?? d.minSharpe
        ladder = try c.decodeIfPresent([Double].self, forKey: .ladder) ?? d.ladder
    }

    /// Ranges: `min_days` 0 to 3650, `min_trades` 0 to 1,000,000, `max_drawdown` (0, 1], `min_sharpe` -10 to 20,
    /// `ladder` 1 to 20 increasing fractions in (0, 1].
    public func validate() throws(RiskLimitsError) {
        guard minDays.isFinite, minDays >= 0, minDays <= 3650 else {
            throw RiskLimitsError(path: "risk.promotion.min_days", value: "\(minDays)", allowed: "a number of days from 0 to 3650")
        }
        guard (0...1_000_000).contains(minTrades) else {
            throw RiskLimitsError(path: "risk.promotion.min_trades", value: "\(minTrades)", allowed: "an integer from 0 to 1000000")
        }
        guard maxDrawdown.isFinite, maxDrawdown > 0, maxDrawdown <= 1 else {
            throw RiskLimitsError(path: "risk.promotion.max_drawdown", value: "\(maxDrawdown)", allowed: "greater than 0 and at most 1")
        }
        guard minSharpe.isFinite, minSharpe >= -10, minSharpe <= 20 else {
            throw RiskLimitsError(path: "risk.promotion.min_sharpe", value: "\(minSharpe)", allowed: "a number from -10 to 20")
        }
        let increasing = zip(ladder, ladder.dropFirst()).allSatisfy { $0 < $1 }
        guard (1...20).contains(ladder.count), increasing, ladder.allSatisfy({ $0 > 0 && $0 <= 1 }) else {
            throw RiskLimitsError(path: "risk.promotion.ladder", value: "\(ladder)", allowed: "1 to 20 increasing fractions, each greater than 0 and at most 1")
        }
    }
}
