import Backtest
import MarketData

/// The risk lines of a backtest summary.
enum RiskSummary {
    /// Nothing with the basic checks; otherwise the final state, then every state change with its reason.
    static func lines(_ result: BacktestResult) -> [String] {
        guard let state = result.riskState else { return [] }
        var lines = ["  Risk: \(state.rawValue) at the end, \(result.rejections.count) order(s) refused"]
        for event in result.riskEvents where event.kind == .stateChange {
            lines.append("    \(UTCTimestamp.iso8601(event.time)) \(event.from.rawValue) -> \(event.to.rawValue): \(event.reason)")
        }
        return lines
    }
}
