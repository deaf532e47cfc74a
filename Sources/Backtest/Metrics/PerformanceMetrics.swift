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
}
