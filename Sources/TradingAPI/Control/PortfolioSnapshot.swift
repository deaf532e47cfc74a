import TradingModel

/// The account at one instant, in quote currency.
public struct PortfolioSnapshot: Sendable, Hashable, Codable {
    /// Unix ms of the snapshot.
    public var time: Int64
    /// The quote currency the amounts are in, e.g. `USDT`.
    public var currency: String
    /// Free plus locked quote currency.
    public var cash: Money
    /// Sum of mark value of all positions.
    public var positionsValue: Money
    /// Cash plus positions value.
    public var totalValue: Money
    /// Realized profit since start, net of fees.
    public var realizedPnl: Money
    /// Unrealized profit of the open positions at their marks.
    public var unrealizedPnl: Money
    /// Fall from the equity peak as a fraction in [0, 1].
    public var drawdown: Double
    /// Gross position value over total value.
    public var exposure: Double
    /// Winning closed trades over closed trades (0 before the first one).
    public var winRate: Double
    /// Closed trades so far.
    public var closedTrades: Int

    /// A snapshot from its parts.
    public init(time: Int64, currency: String, cash: Money, positionsValue: Money, realizedPnl: Money,
                unrealizedPnl: Money, drawdown: Double, exposure: Double, winRate: Double, closedTrades: Int) {
        self.time = time
        self.currency = currency
        self.cash = cash
        self.positionsValue = positionsValue
        self.totalValue = cash + positionsValue
        self.realizedPnl = realizedPnl
        self.unrealizedPnl = unrealizedPnl
        self.drawdown = drawdown
        self.exposure = exposure
        self.winRate = winRate
        self.closedTrades = closedTrades
    }
}

/// A position with its mark price.
public struct PositionSnapshot: Sendable, Hashable, Codable {
    /// The position.
    public var position: Position
    /// Last price used to value it.
    public var markPrice: Price
    /// Quantity times mark.
    public var marketValue: Money
    /// Profit if closed at the mark, before fees.
    public var unrealizedPnl: Money

    /// A position valued at `markPrice`.
    public init(position: Position, markPrice: Price) {
        self.position = position
        self.markPrice = markPrice
        self.marketValue = markPrice * position.quantity
        self.unrealizedPnl = position.unrealizedPnl(at: markPrice)
    }
}

/// One sample of the equity curve.
public struct EquityPoint: Sendable, Hashable, Codable {
    /// Unix ms.
    public var time: Int64
    /// Total account value.
    public var equity: Money
    /// Fall from the running peak, fraction in [0, 1].
    public var drawdown: Double

    /// A sample.
    public init(time: Int64, equity: Money, drawdown: Double) {
        self.time = time
        self.equity = equity
        self.drawdown = drawdown
    }
}
