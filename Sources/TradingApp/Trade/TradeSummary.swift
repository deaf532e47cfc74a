import TradingCore
import TradingModel

/// The lines `trade` prints when a session ends.
enum TradeSummary {
    static func lines(_ snapshot: SessionSnapshot) -> [String] {
        var lines = ["session \(snapshot.sessionId) on \(snapshot.venue): \(snapshot.strategy) \(snapshot.parameters.summary)",
                     "bars \(snapshot.bars) · fills \(snapshot.fills) · closed trades \(snapshot.trades.count) · "
                        + "fees \(snapshot.feesPaid) \(snapshot.quoteCurrency)",
                     "equity \(snapshot.equity) \(snapshot.quoteCurrency) · cash \(snapshot.cash) · realized \(snapshot.realizedPnl)"]
        for asset in snapshot.otherAssetFees.keys.sorted() {
            let unvalued = snapshot.unvaluedFees[asset].map { " (\($0) unvalued: no \(asset)/\(snapshot.quoteCurrency) price, not in fees or P&L)" } ?? ""
            lines.append("fees paid in \(asset): \(snapshot.otherAssetFees[asset]!)\(unvalued)")
        }
        for position in snapshot.positions where !position.isFlat {
            lines.append("open position \(position.symbol) \(position.quantity) @ \(position.averageEntryPrice)")
        }
        let working = snapshot.orders.filter { !$0.status.isTerminal }
        if !working.isEmpty {
            lines.append("orders left working: " + working.map(\.request.clientOrderId).joined(separator: ", "))
        }
        if !snapshot.rejections.isEmpty { lines.append("rejections: \(snapshot.rejections.count)") }
        return lines
    }
}
