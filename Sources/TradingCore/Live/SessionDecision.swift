import TradingModel

/// One trading decision of a session: the signal behind an order request (strategy, symbol, bar, side, tag and the
/// indicator values the strategy exposes) and the risk layer's verdict on it.
///
/// Published as ``SessionUpdate/decision(_:)`` for every request the kernel risk-checked: approved ones (the
/// request then leaves as an order with the same client order id) and refused ones (no order exists; the id is
/// the one the order would have had).
public struct SessionDecision: Sendable, Hashable, Codable {
    /// The client order id of the request (the order's id when approved).
    public var clientOrderId: String
    /// The strategy that asked (`manual` for operator orders).
    public var strategy: String
    /// The market symbol.
    public var symbol: String
    /// The side asked for (nil when unknown).
    public var side: OrderSide?
    /// The request's reason tag (`sma_cross_up`, `exit:stop_loss`, `risk-flatten`, `manual`).
    public var tag: String
    /// The last closed bar of the symbol when the decision was made (nil before the first bar).
    public var bar: Bar?
    /// The strategy's indicator values at the decision (see ``IndicatorReporting``); empty when it exposes none.
    public var indicators: [String: Double]
    /// True when the risk layer (and the session) let the request through.
    public var passed: Bool
    /// The refusal's code (nil when passed), e.g. `max_position`, `session_refused`.
    public var code: String?
    /// The refusal's human sentence (nil when passed).
    public var reason: String?
    /// Unix ms of the decision (the session clock).
    public var time: Int64

    /// A decision.
    public init(clientOrderId: String, strategy: String, symbol: String, side: OrderSide?, tag: String, bar: Bar?,
                indicators: [String: Double], passed: Bool, code: String? = nil, reason: String? = nil, time: Int64) {
        self.clientOrderId = clientOrderId
        self.strategy = strategy
        self.symbol = symbol
        self.side = side
        self.tag = tag
        self.bar = bar
        self.indicators = indicators
        self.passed = passed
        self.code = code
        self.reason = reason
        self.time = time
    }
}
