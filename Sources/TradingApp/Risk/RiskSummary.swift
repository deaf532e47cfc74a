import TradingModel
import Backtest
import MarketData
import TradingCore

/// The risk lines of a backtest summary.
enum RiskSummary {
    /// Protective exits by reason (when any fired); with the risk engine also the final state, every state
    /// change and every symbol lock with its reason.
    static func lines(_ result: BacktestResult) -> [String] {
        var lines: [String] = []
        if !result.protectiveExits.isEmpty {
            let counts = ExitReason.allCases.compactMap { reason -> String? in
                let n = result.protectiveExits.filter { $0.reason == reason }.count
                return n == 0 ? nil : "\(n) \(reason.rawValue)"
            }
            lines.append("  Protective exits: \(counts.joined(separator: ", "))")
        }
        guard let state = result.riskState else { return lines }
        lines.append("  Risk: \(state.rawValue) at the end, \(result.rejections.count) order(s) refused")
        let shown: Set<RiskEvent.Kind> = [.stateChange, .cooldown, .pairLock]
        for event in result.riskEvents where shown.contains(event.kind) {
            let change = event.kind == .stateChange ? "\(event.from.rawValue) -> \(event.to.rawValue)" : event.code
            lines.append("    \(UTCTimestamp.iso8601(event.time)) \(change): \(event.reason)")
        }
        return lines
    }
}
