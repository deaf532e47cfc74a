import TradingModel

/// What a strategy sees and how it acts: the ledger (read only), working orders, closed higher-timeframe
/// bars, and an intent buffer the kernel drains after each call.
public struct StrategyContext: Sendable {
    /// Time of the bar being processed (its open time, Unix ms).
    public internal(set) var time: Int64 = 0
    /// Index of the bar being processed in its series.
    public internal(set) var barIndex: Int = 0
    /// The ledger, read only.
    public internal(set) var portfolio: Portfolio
    /// Whether short positions may be opened.
    public let allowShort: Bool
    /// Working (non-terminal) orders per instrument.
    public internal(set) var workingOrders: [[Order]]
    /// The instruments that have working orders, in no particular order (kept with ``workingOrders``, so checks
    /// that sum over working orders need not visit every instrument).
    public internal(set) var instrumentsWithWorkingOrders: [Int] = []
    /// Closed higher-timeframe bars: `[instrument][timeframe index]` in the order of `higherTimeframes`.
    public internal(set) var higherBars: [[[Bar]]]
    /// Intents collected during the current call; drained by the kernel.
    public internal(set) var intents: [OrderIntent] = []

    public init(portfolio: Portfolio, allowShort: Bool, higherTimeframeCount: Int = 0) {
        self.portfolio = portfolio
        self.allowShort = allowShort
        self.workingOrders = Array(repeating: [], count: portfolio.instruments.count)
        self.higherBars = Array(repeating: Array(repeating: [], count: higherTimeframeCount),
                                count: portfolio.instruments.count)
        self.intents.reserveCapacity(16)
    }

    /// Net position of an instrument (negative when short) that orders can trade: its magnitude rounded down onto
    /// the lot grid, so dust a base-asset commission leaves behind reads as flat (the ledger still holds and values
    /// it: ``Portfolio/quantity(_:)``).
    @inlinable public func position(_ instrument: Int) -> Quantity {
        portfolio.instruments[instrument].tradableQuantity(portfolio.quantity(instrument))
    }

    /// Current equity.
    public var equity: Money { portfolio.equity }

    /// Asks to hold `direction` in `instrument`; the kernel sizes it. Asking for the current direction again
    /// does nothing. `.short` is downgraded to `.flat` when shorting is not allowed.
    public mutating func target(_ instrument: Int, _ direction: TargetDirection, tag: String = "") {
        intents.append(.target(instrument: instrument, direction: direction, tag: tag))
    }

    /// Places an explicit order.
    public mutating func place(_ order: OrderSpec) { intents.append(.order(order)) }

    /// Cancels one working order.
    public mutating func cancel(_ instrument: Int, clientOrderId: String) {
        intents.append(.cancel(instrument: instrument, clientOrderId: clientOrderId))
    }

    /// Cancels every working order of an instrument.
    public mutating func cancelAll(_ instrument: Int) { intents.append(.cancelAll(instrument: instrument)) }

    /// Closed bars of the `index`-th higher timeframe the strategy declared.
    public func closedBars(_ instrument: Int, timeframe index: Int) -> [Bar] { higherBars[instrument][index] }
}
