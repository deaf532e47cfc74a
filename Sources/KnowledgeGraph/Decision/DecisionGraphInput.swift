import Backtest
import TradingCore
import TradingModel

/// What the decision graph is built from: one run's strategy, parameters, orders (with tags), refusals and
/// closed trades. Made from a ``BacktestResult``, or directly (paper and live sessions, benchmarks).
public struct DecisionGraphInput: Sendable {
    public var runId: String
    public var strategy: String
    public var parameters: ParameterValues
    public var orders: [Order]
    public var rejections: [RiskRejection]
    public var trades: [ClosedTrade]

    public init(runId: String, strategy: String, parameters: ParameterValues, orders: [Order],
                rejections: [RiskRejection], trades: [ClosedTrade]) {
        self.runId = runId
        self.strategy = strategy
        self.parameters = parameters
        self.orders = orders
        self.rejections = rejections
        self.trades = trades
    }

    /// The input of a finished backtest.
    public init(result: BacktestResult) {
        self.init(runId: result.id, strategy: result.configuration.strategy,
                  parameters: result.configuration.parameters, orders: result.orders,
                  rejections: result.rejections, trades: result.trades)
    }
}
