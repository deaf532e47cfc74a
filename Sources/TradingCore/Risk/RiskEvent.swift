/// A state change or protective action of the risk engine, with its reason and time.
public struct RiskEvent: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The trading state changed from `from` to `to`.
        case stateChange = "state_change"
        /// Every working order was canceled.
        case cancelAll = "cancel_all"
        /// Every open position was closed with reduce-only market orders.
        case flatten
        /// A symbol cools down after consecutive stop-outs (code `cooldown`).
        case cooldown
        /// A symbol is locked after too little profit in its recent trades (code `pair_locked`).
        case pairLock = "pair_lock"
        /// The limits were replaced while running (code `limits_updated`; the reason lists the changed keys).
        case limitsUpdated = "limits_updated"
    }

    /// Unix ms.
    public var time: Int64
    public var kind: Kind
    public var from: TradingState
    public var to: TradingState
    /// Machine-readable cause, e.g. `max_drawdown`, `daily_loss`, `new_day`, `operator_resume`.
    public var code: String
    /// Human sentence.
    public var reason: String

    public init(time: Int64, kind: Kind, from: TradingState, to: TradingState, code: String, reason: String) {
        self.time = time
        self.kind = kind
        self.from = from
        self.to = to
        self.code = code
        self.reason = reason
    }

    public var description: String {
        kind == .stateChange ? "\(from.rawValue) -> \(to.rawValue) (\(code)): \(reason)" : "\(kind.rawValue) (\(code)): \(reason)"
    }
}
