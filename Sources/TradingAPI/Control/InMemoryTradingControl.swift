import Foundation
import TradingCore
import TradingModel

/// A complete ``TradingControl`` over an in-memory paper account: market orders fill at the mark price with a
/// fee, limit orders rest until ``mark(symbol:price:)`` crosses them, the kill switch blocks new exposure,
/// backtests queue and run one at a time through an injected runner. Used by the API tests, the fuzz run and `graphwiz api demo`.
public actor InMemoryTradingControl: TradingControl {
    /// Runs one backtest and returns its metrics by name.
    public typealias BacktestRunner = @Sendable (BacktestRequest) async throws -> [String: Double]

    let currency: String
    let feeRate: Fixed
    let now: @Sendable () -> Int64
    let runner: BacktestRunner
    var instruments: [String: Instrument] = [:]
    var marks: [String: Price] = [:]
    var cash: Money
    var positionsBySymbol: [String: Position] = [:]
    var orderBook: [Order] = []
    var fills: [Fill] = []
    var equity: [EquityPoint] = []
    var peak: Money
    var realized: Money = .zero
    var closedTrades = 0
    var winningTrades = 0
    var strategyTable: [StrategyStatus] = []
    var jobs: [BacktestJob] = []
    var backtestWorker: Task<Void, Never>?
    var risk: RiskStatus
    var components: [ComponentHealth]
    var decisionLog: [AgentDecision] = []
    var configurationYAML: String
    let broadcaster = UpdateBroadcaster()
    var nextVenueId = 1
    var nextTradeId = 1

    /// An account holding `cash` of `currency` with the given instruments at their initial marks.
    /// - Parameters:
    ///   - instruments: tradable instruments with their first mark price.
    ///   - strategies: strategies shown and controlled through the API.
    ///   - feeRate: fee per fill as a fraction of notional (default 0.001).
    ///   - limits: risk limits reported by ``riskStatus()``.
    ///   - configurationYAML: what ``redactedConfiguration()`` returns (already redacted).
    ///   - now: the clock in Unix ms.
    ///   - backtestRunner: runs submitted backtests.
    public init(currency: String = "USDT", cash: Money, instruments: [(Instrument, Price)],
                strategies: [StrategyStatus] = [], feeRate: Fixed = Fixed("0.001")!,
                limits: [String: Double] = ["max_drawdown": 0.2, "max_position_fraction": 0.5],
                configurationYAML: String = "trading:\n  mode: simulation\nsecurity:\n  jwt_secret: '***'\n",
                now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
                backtestRunner: @escaping BacktestRunner) {
        self.currency = currency
        self.cash = cash
        self.peak = cash
        self.feeRate = feeRate
        self.now = now
        self.runner = backtestRunner
        for (instrument, price) in instruments {
            self.instruments[instrument.symbol] = instrument
            self.marks[instrument.symbol] = price
        }
        self.strategyTable = strategies
        self.configurationYAML = configurationYAML
        let start = now()
        self.risk = RiskStatus(state: .active, reason: "started", changedAt: start, drawdown: 0, exposure: 0,
                               limits: limits)
        self.components = [
            ComponentHealth(name: "store", status: .up, detail: "in-memory"),
            ComponentHealth(name: "exchange_feed", status: .up, detail: "simulated"),
            ComponentHealth(name: "kernel", status: .up, detail: "running"),
        ]
        self.equity = [EquityPoint(time: start, equity: cash, drawdown: 0)]
    }

    // MARK: reads

    public func portfolio() -> PortfolioSnapshot {
        let value = positionsValue
        let total = cash + value
        return PortfolioSnapshot(
            time: now(), currency: currency, cash: cash, positionsValue: value, realizedPnl: realized,
            unrealizedPnl: positionSnapshots.reduce(Money.zero) { $0 + $1.unrealizedPnl },
            drawdown: drawdown(at: total), exposure: exposure(total: total),
            winRate: closedTrades == 0 ? 0 : Double(winningTrades) / Double(closedTrades), closedTrades: closedTrades)
    }

    public func balances() -> [Balance] {
        var result = [Balance(asset: currency, free: cash - lockedCash, locked: lockedCash)]
        for position in positionsBySymbol.values.sorted(by: { $0.symbol < $1.symbol }) where position.isLong {
            let base = instruments[position.symbol]?.base ?? position.symbol
            result.append(Balance(asset: base, free: position.quantity))
        }
        return result
    }

    public func positions() -> [PositionSnapshot] { positionSnapshots }

    public func orders(openOnly: Bool, limit: Int) -> [Order] {
        Array(orderBook.reversed().filter { !openOnly || !$0.status.isTerminal }.prefix(max(0, limit)))
    }

    public func trades(limit: Int) -> [Fill] { Array(fills.reversed().prefix(max(0, limit))) }

    public func equityCurve(limit: Int) -> [EquityPoint] { Array(equity.suffix(max(0, limit))) }

    public func riskStatus() -> RiskStatus {
        var status = risk
        let total = cash + positionsValue
        status.drawdown = drawdown(at: total)
        status.exposure = exposure(total: total)
        return status
    }

    public func redactedConfiguration() -> RedactedConfiguration { RedactedConfiguration(yaml: configurationYAML) }

    public func health() -> [ComponentHealth] { components }

    public func decisions(limit: Int) -> [AgentDecision] { Array(decisionLog.reversed().prefix(max(0, limit))) }

    // MARK: derived values

    var positionSnapshots: [PositionSnapshot] {
        positionsBySymbol.values.filter { !$0.isFlat }.sorted { $0.symbol < $1.symbol }.map {
            PositionSnapshot(position: $0, markPrice: marks[$0.symbol] ?? $0.averageEntryPrice)
        }
    }

    var positionsValue: Money { positionSnapshots.reduce(Money.zero) { $0 + $1.marketValue } }

    /// Quote currency reserved by open buy limit orders.
    var lockedCash: Money {
        orderBook.reduce(Money.zero) { sum, order in
            guard !order.status.isTerminal, order.request.side == .buy, let limit = order.request.limitPrice else { return sum }
            return sum + limit * order.remainingQuantity
        }
    }

    func drawdown(at total: Money) -> Double {
        guard peak.isPositive, total < peak else { return 0 }
        return ((peak - total) / peak).doubleValue
    }

    func exposure(total: Money) -> Double {
        guard total.isPositive else { return 0 }
        let gross = positionSnapshots.reduce(Money.zero) { $0 + $1.marketValue.magnitude }
        return (gross / total).doubleValue
    }
}
