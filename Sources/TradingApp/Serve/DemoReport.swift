import Prometheus
import TradingAPI
import TradingCore
import TradingModel

/// The results `graphwiz serve --demo` prints after its graceful shutdown.
enum DemoReport {
    static func text(control: SessionTradingControl, registry: PrometheusCollectorRegistry, graphRecords: Int?) async -> String {
        let snapshots = await control.snapshots()
        let portfolio = await control.portfolio()
        let risk = await control.riskStatus()
        let orders = snapshots.reduce(0) { $0 + $1.orders.count }
        let filled = snapshots.reduce(0) { sum, snapshot in sum + snapshot.orders.count { order in !order.filledQuantity.isZero } }
        let fills = snapshots.reduce(0) { $0 + $1.fills }
        let bars = snapshots.reduce(0) { $0 + $1.bars }
        let start = snapshots.first?.equityCurve.first?.value
        var lines = ["", "graphwiz serve --demo: results"]
        for snapshot in snapshots {
            lines.append("  session \(snapshot.sessionId): \(snapshot.strategy) \(snapshot.parameters.summary), \(snapshot.bars) bars")
        }
        lines.append("  bars: \(bars)")
        lines.append("  orders: \(orders) (\(filled) filled), fills: \(fills)")
        lines.append("  closed trades: \(portfolio.closedTrades), win rate: \(percent(portfolio.winRate))")
        lines.append("  realized P&L: \(portfolio.realizedPnl) \(portfolio.currency), unrealized: \(portfolio.unrealizedPnl)")
        lines.append("  equity: \(portfolio.totalValue) \(portfolio.currency)" + (start.map { " (first bar: \($0))" } ?? ""))
        lines.append("  drawdown now: \(percent(portfolio.drawdown)), exposure: \(percent(portfolio.exposure))")
        lines.append("  risk state: \(risk.state.rawValue) (\(risk.reason))")
        if let latency = latency(registry) {
            lines.append("  kernel event→order: \(latency.count) commands, mean \(latency.meanMicros) µs")
        }
        lines.append("  graph records written: " + (graphRecords.map { "\($0) (orders and fills, embedded graph)" }
            ?? "0 (provenance needs the SQLite store)"))
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { "\((value * 10_000).rounded() / 100)%" }

    /// Count and mean of `graphwiz_kernel_event_to_order_seconds` from the exposition text.
    static func latency(_ registry: PrometheusCollectorRegistry) -> (count: Int, meanMicros: Int)? {
        var sum = 0.0
        var count = 0.0
        for line in registry.emitToString().split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            if parts[0] == "graphwiz_kernel_event_to_order_seconds_sum" { sum = value }
            if parts[0] == "graphwiz_kernel_event_to_order_seconds_count" { count = value }
        }
        guard count > 0 else { return nil }
        return (Int(count), Int((sum / count * 1_000_000).rounded()))
    }
}
