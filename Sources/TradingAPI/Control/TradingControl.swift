import TradingCore
import TradingModel

/// The port the HTTP API talks to: everything an operator can read or change in a running trading service.
///
/// The trading session implements it over the live kernel; ``InMemoryTradingControl`` implements it in memory
/// for tests and the demo server. Reads never fail; commands throw ``ControlError`` with a stable code.
public protocol TradingControl: Sendable {
    /// Cash, positions value, total value, profit and drawdown right now.
    func portfolio() async -> PortfolioSnapshot
    /// Funds per asset.
    func balances() async -> [Balance]
    /// Open positions with their mark price and unrealized profit.
    func positions() async -> [PositionSnapshot]
    /// Orders, newest first; `openOnly` keeps the ones that can still fill.
    func orders(openOnly: Bool, limit: Int) async -> [Order]
    /// Places an order (risk checks apply); the returned order is as accepted by the service.
    func placeOrder(_ request: OrderRequest) async throws(ControlError) -> Order
    /// Cancels a working order by its client order id.
    func cancelOrder(clientOrderId: String) async throws(ControlError) -> Order
    /// Fills, newest first.
    func trades(limit: Int) async -> [Fill]
    /// Equity samples, oldest first, the last `limit` of them.
    func equityCurve(limit: Int) async -> [EquityPoint]
    /// Every configured strategy with its state and parameters.
    func strategies() async -> [StrategyStatus]
    /// Starts a stopped strategy.
    func startStrategy(id: String) async throws(ControlError) -> StrategyStatus
    /// Stops a running strategy (its open orders stay; the kernel stops acting on its signals).
    func stopStrategy(id: String) async throws(ControlError) -> StrategyStatus
    /// Replaces some parameters of a strategy; unknown names or out-of-range values are refused.
    func updateStrategyParameters(id: String, parameters: [String: Double]) async throws(ControlError) -> StrategyStatus
    /// Queues a backtest and returns at once (status `queued`); its report is read with ``backtest(id:)``.
    func submitBacktest(_ request: BacktestRequest) async throws(ControlError) -> BacktestJob
    /// Every submitted backtest, newest first.
    func backtests() async -> [BacktestJob]
    /// One backtest with its report once finished.
    func backtest(id: String) async throws(ControlError) -> BacktestJob
    /// Trading state, limits in use and current exposure.
    func riskStatus() async -> RiskStatus
    /// The kill switch: halts trading (only cancels and flatten orders pass) until ``resume(reason:)``.
    func halt(reason: String) async -> RiskStatus
    /// Lifts a halt; refused while the service is not halted.
    func resume(reason: String) async throws(ControlError) -> RiskStatus
    /// The effective configuration with every secret shown as `***`.
    func redactedConfiguration() async -> RedactedConfiguration
    /// Health of each component (store, graph, exchange feed, kernel, ...).
    func health() async -> [ComponentHealth]
    /// Recent decisions of the agents, newest first.
    func decisions(limit: Int) async -> [AgentDecision]
    /// A new subscription to live updates (fills, orders, equity, alerts); ends when the service stops.
    func updates() -> AsyncStream<ControlUpdate>
}
