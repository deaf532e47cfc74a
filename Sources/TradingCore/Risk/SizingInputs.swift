import TradingModel

/// How per-bar volatility is measured for volatility-target sizing.
public enum VolatilityMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// Wilder's average true range over the period, divided by the close.
    case atr
    /// Sample standard deviation of close-to-close returns over the period.
    case stdev
}

/// Win rate and payoff of closed round trips, for Kelly sizing.
public struct TradeStatistics: Sendable, Hashable {
    /// Below this many closed trades the Kelly estimate is not trusted.
    public static let minimumTrades = 10
    public var count: Int
    public var wins: Int
    /// Mean return of winning / losing trades (losses as a positive number).
    public var averageWin: Double
    public var averageLoss: Double

    public init(count: Int = 0, wins: Int = 0, averageWin: Double = 0, averageLoss: Double = 0) {
        self.count = count
        self.wins = wins
        self.averageWin = averageWin
        self.averageLoss = averageLoss
    }

    /// Statistics of `trades` (their net return fractions).
    /// - Complexity: O(trades).
    public init(_ trades: [ClosedTrade]) {
        var wins = 0, losses = 0, winSum = 0.0, lossSum = 0.0
        for t in trades {
            if t.returnFraction > 0 { wins += 1; winSum += t.returnFraction } else { losses += 1; lossSum -= t.returnFraction }
        }
        self.init(count: trades.count, wins: wins, averageWin: wins > 0 ? winSum / Double(wins) : 0,
                  averageLoss: losses > 0 ? lossSum / Double(losses) : 0)
    }

    /// Kelly fraction W - (1 - W) / R with W the win rate and R the payoff ratio; nil without wins and losses.
    public var kelly: Double? {
        guard count > 0, averageWin > 0, averageLoss > 0 else { return nil }
        let w = Double(wins) / Double(count)
        return w - (1 - w) / (averageWin / averageLoss)
    }
}

/// Everything a sizing rule may use to size a new position.
public struct SizingInputs: Sendable {
    public var equity: Money
    /// Free cash (caps longs: no leverage).
    public var cash: Money
    /// Expected entry price.
    public var price: Price
    public var instrument: Instrument
    /// Per-bar volatility as a fraction of price (nil until known).
    public var volatility: Double?
    public var trades: TradeStatistics
    /// Whether the new position is long (capped by cash).
    public var long: Bool

    public init(equity: Money, cash: Money, price: Price, instrument: Instrument, volatility: Double? = nil,
                trades: TradeStatistics = TradeStatistics(), long: Bool = true) {
        self.equity = equity
        self.cash = cash
        self.price = price
        self.instrument = instrument
        self.volatility = volatility
        self.trades = trades
        self.long = long
    }
}
