import TradingCore

/// The persisted trading state of the live/paper risk engine and the history of how it got there.
struct RiskStateRecord: Sendable, Hashable, Codable {
    /// One recorded state change: who, why, when.
    struct Change: Sendable, Hashable, Codable {
        /// Unix ms.
        var time: Int64
        var from: TradingState
        var to: TradingState
        /// Machine-readable cause (`max_drawdown`, `operator_resume`, ...).
        var code: String
        var reason: String
        /// `risk-engine` for automatic changes, else the operator.
        var by: String
    }

    var state: TradingState = .active
    var history: [Change] = []

    /// The last change, if any.
    var last: Change? { history.last }
}
