import TradingModel

/// A consistent picture of a session for the API and the CLI summary.
public struct SessionSnapshot: Sendable, Hashable, Codable {
    public var sessionId: String
    public var venue: String
    public var strategy: String
    /// Current strategy parameters.
    public var parameters: ParameterValues
    /// Whether the strategy's bars reach it (stop/start strategy).
    public var strategyRunning: Bool
    /// Operator halt (nothing but cancels and reduce-only orders) and its reason.
    public var halted: Bool
    public var haltReason: String
    /// The risk engine's state, when the full engine runs.
    public var riskState: TradingState?
    /// Protective actions and state changes of the risk engine.
    public var riskEvents: [RiskEvent]
    /// Orders refused before leaving (risk) or by the venue.
    public var rejections: [RiskRejection]
    /// Unix ms of the last bar seen (0 before the first).
    public var time: Int64
    /// Bars processed.
    public var bars: Int
    public var quoteCurrency: String
    public var cash: Money
    public var equity: Money
    public var realizedPnl: Money
    /// Quote value of the fees paid (unvalued third-asset fees excluded).
    public var feesPaid: Money
    /// Fees charged in assets outside the ledger (BNB), per asset, as charged.
    public var otherAssetFees: [String: Money] = [:]
    /// The part of `otherAssetFees` no price was known for: excluded from `feesPaid` and every profit figure.
    public var unvaluedFees: [String: Money] = [:]
    public var positions: [Position]
    /// Last mark price per symbol (absent before the symbol's first bar).
    public var marks: [String: Price] = [:]
    /// Ledger balances: the quote cash and each non-flat base asset.
    public var balances: [Balance]
    /// Orders in submission order (the most recent `orderLimit`).
    public var orders: [Order]
    public var trades: [ClosedTrade]
    /// (Unix ms, equity) after each bar, most recent last (bounded).
    public var equityCurve: [SessionEquityPoint]
    /// Fills applied so far.
    public var fills: Int
}

/// One point of an equity curve.
public struct SessionEquityPoint: Sendable, Hashable, Codable {
    public var time: Int64
    public var value: Money

    public init(time: Int64, value: Money) {
        self.time = time
        self.value = value
    }
}
