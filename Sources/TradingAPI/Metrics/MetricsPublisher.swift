import Metrics
import Synchronization
import ServiceLifecycle
import TradingCore

/// Samples ``TradingControl`` snapshots and the process every `interval` into gauges:
///
/// - `graphwiz_portfolio_value`, `graphwiz_portfolio_cash`, `graphwiz_portfolio_positions_value`
/// - `graphwiz_trading_realized_pnl`, `graphwiz_trading_unrealized_pnl`, `graphwiz_trading_drawdown_ratio`,
///   `graphwiz_trading_win_rate_ratio`, `graphwiz_trading_closed_trades`, `graphwiz_trading_open_orders`
/// - `graphwiz_risk_state` (0 ACTIVE, 1 REDUCING, 2 HALTED), `graphwiz_risk_exposure_ratio`,
///   `graphwiz_risk_var_ratio{method,confidence}` and `graphwiz_risk_cvar_ratio{method,confidence}` of the equity
///   curve's returns (historical, parametric, Monte Carlo at 95% and 99%), through ``RiskMetricsPublisher``
/// - `graphwiz_kernel_up`, `graphwiz_component_up{component}`
/// - `process_resident_memory_bytes`, `process_cpu_seconds_total`, `process_open_fds`
///
/// A `Service`: hand it to the `ServiceGroup`; it stops on graceful shutdown.
public struct MetricsPublisher<Control: TradingControl>: Service {
    let control: Control
    let interval: Duration
    let gauges = Gauges()

    /// A publisher sampling `control` every `interval` (default 5 s).
    public init(control: Control, interval: Duration = .seconds(5)) {
        self.control = control
        self.interval = interval
    }

    /// Samples until cancelled or shut down.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await sample()
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    /// Equity points whose returns feed VaR / CVaR.
    static var riskWindow: Int { 500 }

    /// Takes one sample now.
    public func sample() async {
        let portfolio = await control.portfolio()
        gauges.value.record(portfolio.totalValue.doubleValue)
        gauges.cash.record(portfolio.cash.doubleValue)
        gauges.positionsValue.record(portfolio.positionsValue.doubleValue)
        gauges.realized.record(portfolio.realizedPnl.doubleValue)
        gauges.unrealized.record(portfolio.unrealizedPnl.doubleValue)
        gauges.drawdown.record(portfolio.drawdown)
        gauges.winRate.record(portfolio.winRate)
        gauges.closedTrades.record(portfolio.closedTrades)
        gauges.openOrders.record(await control.orders(openOnly: true, limit: 1000).count)
        let risk = await control.riskStatus()
        let curve = await control.equityCurve(limit: Self.riskWindow).map(\.equity.doubleValue)
        let returns = ValueAtRisk.returns(curve)
        RiskMetricsPublisher().publish(state: risk.state, exposureRatio: risk.exposure,
                                       measures: returns.count >= 2 ? ValueAtRisk.all(returns) : [])
        let health = await control.health()
        for component in health {
            Gauge(label: "graphwiz_component_up", dimensions: [("component", component.name)])
                .record(component.status == .down ? 0 : 1)
        }
        gauges.kernelUp.record(health.first { $0.name == "kernel" }.map { $0.status == .down ? 0 : 1 } ?? 0)
        gauges.recordProcess(ProcessStats.current())
    }

    final class Gauges: Sendable {
        let value = Gauge(label: "graphwiz_portfolio_value")
        let cash = Gauge(label: "graphwiz_portfolio_cash")
        let positionsValue = Gauge(label: "graphwiz_portfolio_positions_value")
        let realized = Gauge(label: "graphwiz_trading_realized_pnl")
        let unrealized = Gauge(label: "graphwiz_trading_unrealized_pnl")
        let drawdown = Gauge(label: "graphwiz_trading_drawdown_ratio")
        let winRate = Gauge(label: "graphwiz_trading_win_rate_ratio")
        let closedTrades = Gauge(label: "graphwiz_trading_closed_trades")
        let openOrders = Gauge(label: "graphwiz_trading_open_orders")
        let kernelUp = Gauge(label: "graphwiz_kernel_up")
        let resident = Gauge(label: "process_resident_memory_bytes")
        let fds = Gauge(label: "process_open_fds")
        let cpu = FloatingPointCounter(label: "process_cpu_seconds_total")

        func recordProcess(_ stats: ProcessStats) {
            if let rss = stats.residentBytes { resident.record(rss) }
            if let count = stats.openFileDescriptors { fds.record(count) }
            if let seconds = stats.cpuSeconds {
                let delta = processCPUSeen.withLock { last in
                    defer { last = Swift.max(last, seconds) }
                    return seconds - last
                }
                if delta > 0 { cpu.increment(by: delta) }
            }
        }
    }
}

/// CPU seconds already added to `process_cpu_seconds_total`, shared by every publisher of the process.
private let processCPUSeen = Mutex<Double>(0)
