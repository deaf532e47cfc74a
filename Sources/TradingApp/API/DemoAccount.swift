import Backtest
import Dispatch
import Foundation
import MarketData
import Strategies
import TradingAPI
import TradingCore
import TradingModel

/// The account behind `graphwiz api demo` and `graphwiz bench api`: an in-memory paper account (100,000 USDT,
/// BTC/USDT and ETH/USDT) whose backtests run the real `BacktestRunner` with the requested strategy on generated bars.
enum DemoAccount {
    static let btc = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!,
                                lotSize: Fixed("0.00001")!, minNotional: Fixed(5))
    static let eth = Instrument(symbol: "ETH/USDT", tickSize: Fixed("0.01")!,
                                lotSize: Fixed("0.0001")!, minNotional: Fixed(5))

    /// A fresh account; `configurationYAML` is what `GET /api/v1/config` shows (already redacted).
    static func make(configurationYAML: String) -> InMemoryTradingControl {
        var ranges: [String: ParameterRange] = [:]
        var defaults: [String: Double] = [:]
        for spec in SmaCross.parameterSpace.parameters {
            if case let .int(lo, hi, _) = spec.kind { ranges[spec.name] = ParameterRange(min: Double(lo), max: Double(hi)) }
            if case let .double(lo, hi, _) = spec.kind { ranges[spec.name] = ParameterRange(min: lo, max: hi) }
            if let value = spec.defaultValue.doubleValue { defaults[spec.name] = value }
        }
        let strategy = StrategyStatus(id: "sma_cross-1", name: SmaCross.name, symbols: [btc.symbol], state: .running,
                                      parameters: defaults, parameterRanges: ranges)
        return InMemoryTradingControl(cash: Fixed(100_000), instruments: [(btc, Fixed(50_000)), (eth, Fixed(2_500))],
                                      strategies: [strategy], configurationYAML: configurationYAML,
                                      backtestRunner: runBacktest)
    }

    /// Runs `request.strategy` (any built-in strategy) over `request.bars` generated 1-minute bars of
    /// `request.symbol` on a Dispatch queue (CPU-bound work stays off the Swift concurrency pool) and returns its
    /// headline metrics.
    @Sendable static func runBacktest(_ request: BacktestRequest) async throws -> [String: Double] {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: Result { try backtestMetrics(request) })
            }
        }
    }

    static func backtestMetrics(_ request: BacktestRequest) throws -> [String: Double] {
        let type = try StrategyRegistry.strategy(named: request.strategy)
        var generator = try SyntheticBarGenerator(seed: 7, timeframe: .oneMinute)
        let bars = generator.generate(count: request.bars)
        let known = [btc, eth].first { $0.symbol == request.symbol }
        let instrument = known ?? Instrument(symbol: request.symbol, tickSize: btc.tickSize, lotSize: btc.lotSize,
                                             minNotional: btc.minNotional)
        let overrides = request.parameters.mapValues { $0 == $0.rounded() && abs($0) < 1e9 ? ParameterValue.int(Int($0)) : .double($0) }
        let parameters = try type.parameterSpace.resolve(overrides, strategy: type.name)
        let configuration = BacktestConfiguration(
            strategy: type.name, parameters: parameters, instruments: [instrument], timeframe: .oneMinute,
            data: [DataSourceDescription(kind: "generated", symbol: instrument.symbol, timeframe: .oneMinute, seed: 7,
                                         bars: bars.count)])
        let metrics = try BacktestRunner.run(strategyType: type, configuration: configuration,
                                             series: [InstrumentSeries(instrument: instrument, bars: bars)]).metrics
        return ["bars": Double(metrics.bars), "total_return": metrics.totalReturn, "sharpe": metrics.sharpe,
                "max_drawdown": metrics.maxDrawdown, "trades": Double(metrics.trades), "win_rate": metrics.winRate,
                "final_equity": metrics.finalEquity]
    }
}
