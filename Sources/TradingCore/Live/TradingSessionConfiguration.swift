import TradingModel

/// How a ``TradingSession`` trades: which markets, sizing, risk and what to do with open orders at stop.
public struct TradingSessionConfiguration: Sendable, Hashable {
    /// Unique session id (journal rows and run ids carry it), e.g. `paper-sma_cross-BTCUSDT`.
    public var sessionId: String
    /// Unified symbols, e.g. `["BTC/USDT"]`; all quoted in the same currency.
    public var symbols: [String]
    /// Bar timeframe of the feed.
    public var timeframe: Timeframe
    /// Position sizing of the strategy's targets.
    public var sizing: PositionSizing
    /// Whether `short` targets may open shorts.
    public var allowShort: Bool
    /// The full risk engine's limits; nil runs the basic venue checks only.
    public var riskLimits: RiskLimits?
    /// Prefix of generated client order ids; must differ between process starts (ids are never reused).
    public var idPrefix: String
    /// Whether stopping cancels the session's working orders (true) or leaves them at the venue (false).
    public var cancelOrdersOnStop: Bool
    /// Seconds a stop waits for cancel confirmations before giving up.
    public var stopGraceSeconds: Double
    /// Whether the session ends by itself when every bar stream has ended (replays); live feeds never end.
    public var stopWhenFeedEnds: Bool
    /// Bars kept per instrument to warm up a strategy whose parameters change.
    public var warmupBars: Int
    /// Protective exits of every position the session opens (stop-loss, take-profit, trailing, time stop,
    /// break-even): held at the venue when its ``VenueCapabilities`` allow, emulated by the kernel otherwise.
    public var exits: ProtectiveExitPolicy?

    /// A configuration with the usual defaults: fraction sizing 0.1, long only, basic risk checks, orders
    /// canceled on stop within 5 s.
    public init(sessionId: String, symbols: [String], timeframe: Timeframe, sizing: PositionSizing = .fraction(0.1),
                allowShort: Bool = false, riskLimits: RiskLimits? = nil, idPrefix: String,
                cancelOrdersOnStop: Bool = true, stopGraceSeconds: Double = 5, stopWhenFeedEnds: Bool = false,
                warmupBars: Int = 500, exits: ProtectiveExitPolicy? = nil) {
        self.exits = exits
        self.sessionId = sessionId
        self.symbols = symbols
        self.timeframe = timeframe
        self.sizing = sizing
        self.allowShort = allowShort
        self.riskLimits = riskLimits
        self.idPrefix = idPrefix
        self.cancelOrdersOnStop = cancelOrdersOnStop
        self.stopGraceSeconds = stopGraceSeconds
        self.stopWhenFeedEnds = stopWhenFeedEnds
        self.warmupBars = warmupBars
    }
}
