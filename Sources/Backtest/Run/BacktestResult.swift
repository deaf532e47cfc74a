import TradingCore
import TradingModel

/// One point of an equity curve.
public struct EquityPoint: Sendable, Hashable, Codable {
    public var time: Int64
    public var value: Double
    public init(time: Int64, value: Double) { self.time = time; self.value = value }
}

/// Everything a backtest produced: configuration, metrics, trades, equity, orders and refusals.
public struct BacktestResult: Sendable, Codable {
    public var id: String
    public var configuration: BacktestConfiguration
    /// Portfolio metrics.
    public var metrics: PerformanceMetrics
    /// Per-symbol metrics (portfolio runs with several symbols).
    public var symbolMetrics: [String: SymbolMetrics]
    public var trades: [ClosedTrade]
    /// Positions still open at the end, marked to market (their value is in the final equity).
    public var openPositions: [OpenTrade]
    /// Equity after every bar (every timestamp for portfolios).
    public var equity: [EquityPoint]
    public var orders: [Order]
    /// Orders refused before they left (risk) or by the venue.
    public var rejections: [RiskRejection]
    /// Risk state changes and protective actions (empty with the basic checks).
    public var riskEvents: [RiskEvent]
    /// Trading state at the end (nil with the basic checks).
    public var riskState: TradingState?
    /// Every protective exit that closed a position, with its reason.
    public var protectiveExits: [ProtectiveExitRecord]
    /// Wall time of the run in seconds, and bars processed per second.
    public var elapsedSeconds: Double
    public var barsPerSecond: Double

    public init(id: String, configuration: BacktestConfiguration, metrics: PerformanceMetrics,
                symbolMetrics: [String: SymbolMetrics], trades: [ClosedTrade], openPositions: [OpenTrade],
                equity: [EquityPoint], orders: [Order], rejections: [RiskRejection],
                riskEvents: [RiskEvent] = [], riskState: TradingState? = nil, protectiveExits: [ProtectiveExitRecord] = [],
                elapsedSeconds: Double, barsPerSecond: Double) {
        self.id = id
        self.configuration = configuration
        self.metrics = metrics
        self.symbolMetrics = symbolMetrics
        self.trades = trades
        self.openPositions = openPositions
        self.equity = equity
        self.orders = orders
        self.rejections = rejections
        self.riskEvents = riskEvents
        self.riskState = riskState
        self.protectiveExits = protectiveExits
        self.elapsedSeconds = elapsedSeconds
        self.barsPerSecond = barsPerSecond
    }
}

/// Figures for one symbol of a portfolio run.
public struct SymbolMetrics: Sendable, Hashable, Codable {
    public var symbol: String
    public var trades: Int
    public var winRate: Double
    public var pnl: Double
    public var feesPaid: Double
    public var exposure: Double
    public var buyAndHoldReturn: Double
    /// Profit of this symbol's trades over the initial equity.
    public var contribution: Double

    public init(symbol: String, trades: Int, winRate: Double, pnl: Double, feesPaid: Double, exposure: Double,
                buyAndHoldReturn: Double, contribution: Double) {
        self.symbol = symbol
        self.trades = trades
        self.winRate = winRate
        self.pnl = pnl
        self.feesPaid = feesPaid
        self.exposure = exposure
        self.buyAndHoldReturn = buyAndHoldReturn
        self.contribution = contribution
    }

    enum CodingKeys: String, CodingKey {
        case symbol, trades, winRate = "win_rate", pnl, feesPaid = "fees_paid", exposure
        case buyAndHoldReturn = "buy_and_hold_return", contribution
    }
}

/// A bar series of one instrument, the runner's input.
public struct InstrumentSeries: Sendable {
    public var instrument: Instrument
    public var bars: [Bar]
    public init(instrument: Instrument, bars: [Bar]) { self.instrument = instrument; self.bars = bars }
}

extension BacktestResult {
    /// The protective-exit reason of each exit order id (trades closed by a signal are absent).
    public var exitReasons: [String: ExitReason] {
        var reasons: [String: ExitReason] = [:]
        for record in protectiveExits { reasons[record.clientOrderId] = record.reason }
        return reasons
    }
}
