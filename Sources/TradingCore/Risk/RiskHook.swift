import TradingModel

/// Why the risk layer refused an order: a machine-readable code and a human sentence.
public struct RiskRejection: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    public var code: String
    public var message: String
    public var clientOrderId: String
    public var symbol: String
    public var time: Int64
    /// The side of the refused request (set by the kernel; nil where unknown).
    public var side: OrderSide?
    /// The refused request's reason tag, e.g. the strategy's `sma_cross_up` (set by the kernel; nil where unknown).
    public var tag: String?

    public init(code: String, message: String, clientOrderId: String, symbol: String, time: Int64,
                side: OrderSide? = nil, tag: String? = nil) {
        self.code = code
        self.message = message
        self.clientOrderId = clientOrderId
        self.symbol = symbol
        self.time = time
        self.side = side
        self.tag = tag
    }

    public var description: String { "\(code): \(message)" }
}

/// Everything a pre-trade check may look at.
public struct RiskCheckContext: Sendable {
    public var portfolio: Portfolio
    public var instrument: Int
    public var time: Int64
    /// Orders still working at the venue for every instrument (their funds are committed).
    public var workingOrders: [[Order]]
    /// The instruments whose ``workingOrders`` are not empty.
    public var instrumentsWithWorkingOrders: [Int]

    /// A context whose instruments with working orders are found by visiting every instrument.
    public init(portfolio: Portfolio, instrument: Int, time: Int64, workingOrders: [[Order]]) {
        self.init(portfolio: portfolio, instrument: instrument, time: time, workingOrders: workingOrders,
                  instrumentsWithWorkingOrders: workingOrders.indices.filter { !workingOrders[$0].isEmpty })
    }

    /// A context with the instruments that have working orders already known (the kernel keeps them).
    public init(portfolio: Portfolio, instrument: Int, time: Int64, workingOrders: [[Order]],
                instrumentsWithWorkingOrders: [Int]) {
        self.portfolio = portfolio
        self.instrument = instrument
        self.time = time
        self.workingOrders = workingOrders
        self.instrumentsWithWorkingOrders = instrumentsWithWorkingOrders
    }
}

/// The pre-trade gate every order passes through in the kernel, in backtest, paper and live alike. It may
/// adjust the request (rounding to the lot grid) or refuse it. It also watches every bar and fill and may
/// ask the kernel for protective actions (cancel everything, flatten), which the kernel executes before the
/// strategy sees the bar.
public protocol RiskHook: Sendable {
    /// Returns nil to approve (possibly after adjusting `request`), or the reason to refuse.
    mutating func check(_ request: inout OrderRequest, context: RiskCheckContext) -> RiskRejection?

    /// Called for every closed bar after the ledger was marked, before the strategy sees the bar. Appends the
    /// protective actions the kernel must take to `actions` (leave it untouched when nothing happens).
    /// - Complexity: must not allocate when nothing happens (hot path).
    mutating func evaluate(_ context: RiskBarContext, actions: inout [RiskAction])

    /// Whether `evaluate` can act at all; when false the kernel skips building its context on every bar.
    var evaluatesBars: Bool { get }

    /// Called after a fill was applied to the ledger.
    mutating func onFill(_ fill: Fill, instrument: Int, portfolio: Portfolio)

    /// State changes and protective actions recorded so far, oldest first.
    var events: [RiskEvent] { get }

    /// Called when a round trip closed; `reason` is the protective exit that closed it, if any
    /// (cooldown after stop-outs, low-profit pair lock).
    mutating func onTradeClosed(_ trade: ClosedTrade, reason: ExitReason?, instrument: Int)
}

extension RiskHook {
    /// Does nothing: a hook without portfolio protections.
    public mutating func evaluate(_ context: RiskBarContext, actions: inout [RiskAction]) {}
    /// False: the default `evaluate` does nothing.
    public var evaluatesBars: Bool { false }
    /// Does nothing.
    public mutating func onFill(_ fill: Fill, instrument: Int, portfolio: Portfolio) {}
    /// No events.
    public var events: [RiskEvent] { [] }
    /// Does nothing.
    public mutating func onTradeClosed(_ trade: ClosedTrade, reason: ExitReason?, instrument: Int) {}
}

/// What the per-bar risk evaluation sees: the marked ledger and the bar that just closed.
public struct RiskBarContext: Sendable {
    public var portfolio: Portfolio
    /// Index of the instrument whose bar closed.
    public var instrument: Int
    /// Bar open time (Unix ms).
    public var time: Int64
    /// Working orders per instrument.
    public var workingOrders: [[Order]]

    public init(portfolio: Portfolio, instrument: Int, time: Int64, workingOrders: [[Order]]) {
        self.portfolio = portfolio
        self.instrument = instrument
        self.time = time
        self.workingOrders = workingOrders
    }
}

/// A protective action the risk layer asks the kernel to take.
public enum RiskAction: Sendable, Hashable {
    /// Cancel every working order of every instrument.
    case cancelAll(reason: String)
    /// Close every open position with reduce-only market orders tagged `risk-flatten`.
    case flatten(reason: String)
}
