/// A trading record judged by the promotion gate: paper sessions for the first step, live sessions at a
/// ladder step.
public struct PaperRecord: Sendable, Hashable, Codable {
    /// Days covered (first bar to last bar across the sessions).
    public var days: Double
    /// Closed trades.
    public var trades: Int
    /// Largest peak-to-trough drawdown of any session (fraction).
    public var maxDrawdown: Double
    /// Annualised Sharpe ratio (bar-weighted mean over the sessions).
    public var sharpe: Double
    /// Sessions (stored runs) the record was built from.
    public var sessions: Int

    public init(days: Double, trades: Int, maxDrawdown: Double, sharpe: Double, sessions: Int = 1) {
        self.days = days
        self.trades = trades
        self.maxDrawdown = maxDrawdown
        self.sharpe = sharpe
        self.sessions = sessions
    }

    /// One session's figures, for ``combined(_:)``.
    public struct Session: Sendable, Hashable {
        public var start: Int64
        public var end: Int64
        public var bars: Int
        public var trades: Int
        public var maxDrawdown: Double
        public var sharpe: Double

        public init(start: Int64, end: Int64, bars: Int, trades: Int, maxDrawdown: Double, sharpe: Double) {
            self.start = start
            self.end = end
            self.bars = bars
            self.trades = trades
            self.maxDrawdown = maxDrawdown
            self.sharpe = sharpe
        }
    }

    /// The record of several sessions: days from the earliest start to the latest end, trades summed, the
    /// worst drawdown, and the Sharpe ratios averaged with the sessions' bar counts as weights. Nil for none.
    public static func combined(_ sessions: [Session]) -> PaperRecord? {
        guard let start = sessions.map(\.start).min(), let end = sessions.map(\.end).max() else { return nil }
        let bars = sessions.reduce(0) { $0 + max($1.bars, 0) }
        let sharpe = bars > 0
            ? sessions.reduce(0.0) { $0 + $1.sharpe * Double(max($1.bars, 0)) } / Double(bars)
            : sessions.reduce(0.0) { $0 + $1.sharpe } / Double(sessions.count)
        return PaperRecord(days: Double(end - start) / 86_400_000, trades: sessions.reduce(0) { $0 + $1.trades },
                           maxDrawdown: sessions.map(\.maxDrawdown).max() ?? 0, sharpe: sharpe, sessions: sessions.count)
    }
}

/// The gate's judgement of one record.
public struct PromotionVerdict: Sendable, Hashable, Codable {
    /// Every criterion met.
    public var passed: Bool { shortfalls.isEmpty && breaches.isEmpty }
    /// Criteria not reached yet (too few days or trades, Sharpe too low): no promotion, no demotion.
    public var shortfalls: [String]
    /// Criteria broken (drawdown above the maximum): demotion back to paper.
    public var breaches: [String]

    public init(shortfalls: [String], breaches: [String]) {
        self.shortfalls = shortfalls
        self.breaches = breaches
    }
}

/// Judges paper and live records against ``PromotionCriteria``.
public enum PromotionGate {
    /// Meets at the boundary: exactly `min_days`, `min_trades`, `min_sharpe` pass, a drawdown of exactly
    /// `max_drawdown` passes. A drawdown above the maximum is a breach; the rest are shortfalls.
    public static func evaluate(_ record: PaperRecord, criteria: PromotionCriteria) -> PromotionVerdict {
        var shortfalls: [String] = []
        var breaches: [String] = []
        if record.days < criteria.minDays {
            shortfalls.append("record covers \(round2(record.days)) days, needs at least \(round2(criteria.minDays)) (risk.promotion.min_days)")
        }
        if record.trades < criteria.minTrades {
            shortfalls.append("record has \(record.trades) trades, needs at least \(criteria.minTrades) (risk.promotion.min_trades)")
        }
        if !(record.sharpe >= criteria.minSharpe) {
            shortfalls.append("Sharpe \(round2(record.sharpe)) is below \(round2(criteria.minSharpe)) (risk.promotion.min_sharpe)")
        }
        if !(record.maxDrawdown <= criteria.maxDrawdown) {
            breaches.append("max drawdown \(round2(record.maxDrawdown * 100))% exceeds \(round2(criteria.maxDrawdown * 100))% (risk.promotion.max_drawdown)")
        }
        return PromotionVerdict(shortfalls: shortfalls, breaches: breaches)
    }

    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
