/// Performance figures of a run. Returns and drawdowns are fractions (0.25 means +25%).
public struct PerformanceMetrics: Sendable, Hashable, Codable {
    public var startTime: Int64 = 0
    public var endTime: Int64 = 0
    public var bars: Int = 0
    public var initialEquity: Double = 0
    public var finalEquity: Double = 0
    public var totalReturn: Double = 0
    public var cagr: Double = 0
    /// Annualized standard deviation of per-bar returns.
    public var volatility: Double = 0
    public var sharpe: Double = 0
    public var sortino: Double = 0
    public var calmar: Double = 0
    /// Largest peak-to-trough fall, as a positive fraction.
    public var maxDrawdown: Double = 0
    /// Longest time spent below a previous equity peak, in bars and in seconds.
    public var maxDrawdownDurationBars: Int = 0
    public var maxDrawdownDurationSeconds: Int64 = 0
    public var trades: Int = 0
    public var winRate: Double = 0
    /// Gross profit / gross loss of closed trades (infinite when there is no loss, encoded as null).
    public var profitFactor: Double? = nil
    /// Mean pnl per closed trade in quote currency.
    public var expectancy: Double = 0
    /// Fraction of bars with an open position.
    public var exposure: Double = 0
    public var averageTrade: Double = 0
    public var averageTradeReturn: Double = 0
    public var bestTrade: Double = 0
    public var worstTrade: Double = 0
    public var feesPaid: Double = 0
    public var buyAndHoldReturn: Double = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case startTime = "start_time", endTime = "end_time", bars
        case initialEquity = "initial_equity", finalEquity = "final_equity"
        case totalReturn = "total_return", cagr, volatility, sharpe, sortino, calmar
        case maxDrawdown = "max_drawdown", maxDrawdownDurationBars = "max_drawdown_duration_bars"
        case maxDrawdownDurationSeconds = "max_drawdown_duration_seconds"
        case trades, winRate = "win_rate", profitFactor = "profit_factor", expectancy, exposure
        case averageTrade = "average_trade", averageTradeReturn = "average_trade_return"
        case bestTrade = "best_trade", worstTrade = "worst_trade"
        case feesPaid = "fees_paid", buyAndHoldReturn = "buy_and_hold_return"
    }

    /// Every key is always present; `profit_factor` is null when there was no losing trade.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(endTime, forKey: .endTime)
        try c.encode(bars, forKey: .bars)
        try c.encode(initialEquity, forKey: .initialEquity)
        try c.encode(finalEquity, forKey: .finalEquity)
        try c.encode(totalReturn, forKey: .totalReturn)
        try c.encode(cagr, forKey: .cagr)
        try c.encode(volatility, forKey: .volatility)
        try c.encode(sharpe, forKey: .sharpe)
        try c.encode(sortino, forKey: .sortino)
        try c.encode(calmar, forKey: .calmar)
        try c.encode(maxDrawdown, forKey: .maxDrawdown)
        try c.encode(maxDrawdownDurationBars, forKey: .maxDrawdownDurationBars)
        try c.encode(maxDrawdownDurationSeconds, forKey: .maxDrawdownDurationSeconds)
        try c.encode(trades, forKey: .trades)
        try c.encode(winRate, forKey: .winRate)
        if let profitFactor { try c.encode(profitFactor, forKey: .profitFactor) } else { try c.encodeNil(forKey: .profitFactor) }
        try c.encode(expectancy, forKey: .expectancy)
        try c.encode(exposure, forKey: .exposure)
        try c.encode(averageTrade, forKey: .averageTrade)
        try c.encode(averageTradeReturn, forKey: .averageTradeReturn)
        try c.encode(bestTrade, forKey: .bestTrade)
        try c.encode(worstTrade, forKey: .worstTrade)
        try c.encode(feesPaid, forKey: .feesPaid)
        try c.encode(buyAndHoldReturn, forKey: .buyAndHoldReturn)
    }
}
