import TradingModel

/// The full pre-trade risk engine and portfolio protection: ``BasicRiskChecks`` (instrument rules, lot and
/// tick grid, min notional, free balance, shorting) plus the ``RiskLimits`` (position, gross exposure, open
/// positions, order rate, fat-finger price band, correlated exposure), the trading states ACTIVE / REDUCING /
/// HALTED, the daily loss limit and the max-drawdown emergency shutdown.
///
/// Conventions: a size limit is met exactly at its boundary (a position worth exactly 10% of equity passes);
/// a loss limit is breached exactly at its boundary (a 5% daily loss switches to REDUCING).
/// Quote-quantity market buys (the kernel's default sizing) are shrunk to the headroom the limits leave;
/// quantity orders above it are refused.
/// - Complexity: `evaluate` is O(instruments) per bar and allocation free unless the state changes;
///   `check` is O(instruments x working orders + instruments x correlation window).
public struct RiskEngine: RiskHook {
    /// True: daily loss and drawdown are checked on every bar.
    public var evaluatesBars: Bool { true }

    /// The limits, validated (replaced at run time only through ``updateLimits(_:time:)``).
    public internal(set) var limits: RiskLimits
    /// What the engine currently lets through.
    public internal(set) var state: TradingState
    /// Every state change and protective action, oldest first.
    public internal(set) var events: [RiskEvent] = []
    /// Highest equity seen (drawdown reference).
    public internal(set) var peakEquity: Money = .zero
    /// Equity at the start of the current UTC day (daily loss reference).
    public internal(set) var dayStartEquity: Money = .zero
    var base: BasicRiskChecks
    var correlation: RollingCorrelation?
    var startedFlag = false
    var previousEquity: Money = .zero
    var currentEquityDay: Int64 = .min
    var orderSecond: Int64 = .min
    var ordersThisSecond = 0
    var orderDay: Int64 = .min
    var ordersToday = 0
    /// Consecutive stop-outs per symbol.
    var stopOuts: [String: Int] = [:]
    /// Closed trades per symbol inside the pair-lock lookback: (exit time, return).
    var recentTrades: [String: [(time: Int64, return: Double)]] = [:]
    /// Symbols that may not add exposure until a time.
    public internal(set) var locks: [String: SymbolLock] = [:]
    /// Correlations fed from outside (the knowledge graph), with their symbols and time.
    var external: ExternalCorrelations?
    /// Open time of the latest bar and the shortest bar spacing seen (freshness of the rolling window).
    var lastBarTime: Int64 = .min
    var barSpacing: Int64 = .max

    /// Tag of the engine's own flatten orders (allowed while HALTED).
    public static let flattenTag = "risk-flatten"
    static let dayMilliseconds: Int64 = 86_400_000

    /// An engine with validated `limits`, starting in `state` (HALTED after a restart that was halted).
    public init(limits: RiskLimits = RiskLimits(), allowShort: Bool, state: TradingState = .active) throws(RiskLimitsError) {
        try limits.validate()
        self.limits = limits
        self.base = BasicRiskChecks(allowShort: allowShort)
        self.state = state
        self.events.reserveCapacity(16)
    }

    /// Operator override: back to ACTIVE (records who/why in the event). The drawdown peak restarts from
    /// the last equity seen so the same drawdown does not halt again at once.
    public mutating func resume(reason: String, time: Int64) {
        peakEquity = previousEquity
        dayStartEquity = previousEquity
        transition(to: .active, code: "operator_resume", reason: reason, time: time)
    }

    /// Operator kill switch: HALTED (no protective actions; use the per-bar path for those).
    public mutating func halt(reason: String, time: Int64) {
        transition(to: .halted, code: "operator_halt", reason: reason, time: time)
    }

    mutating func transition(to next: TradingState, code: String, reason: String, time: Int64) {
        guard next != state else { return }
        events.append(RiskEvent(time: time, kind: .stateChange, from: state, to: next, code: code, reason: reason))
        state = next
    }

    static func utcDay(_ time: Int64) -> Int64 {
        time >= 0 ? time / dayMilliseconds : (time - dayMilliseconds + 1) / dayMilliseconds
    }
}
