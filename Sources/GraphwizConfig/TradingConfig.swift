/// Whether orders reach a real exchange.
public enum TradingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Replayed or generated bars through the simulated exchange (the default).
    case simulation
    /// Live market data, simulated execution.
    case paper
    /// Real orders on a real exchange.
    case live
}

/// One strategy the service runs.
public struct StrategyConfig: Sendable, Hashable, Codable {
    /// Strategy name from the registry, e.g. `sma_cross`.
    public var name = "sma_cross"
    /// Parameter values by name.
    public var params: [String: Double] = [:]
    /// Position sizing in `PositionSizing` syntax, e.g. `fraction:0.1`; default `fraction:0.1`.
    public var sizing = "fraction:0.1"
    /// Symbols this strategy trades; empty means every symbol of `trading.symbols`.
    public var symbols: [String] = []

    /// A strategy entry.
    public init(name: String = "sma_cross", params: [String: Double] = [:], sizing: String = "fraction:0.1",
                symbols: [String] = []) {
        self.name = name
        self.params = params
        self.sizing = sizing
        self.symbols = symbols
    }
}

/// The `trading:` section.
public struct TradingConfig: Sendable, Hashable, Codable {
    /// Default `simulation`.
    public var mode: TradingMode = .simulation
    /// Traded symbols; default `[BTC/USDT]`.
    public var symbols = ["BTC/USDT"]
    /// Bar timeframe, e.g. `1h` (the default) or `5m`.
    public var timeframe = "1h"
    /// Strategies to run; default one `sma_cross` with fast 10 / slow 30.
    public var strategies = [StrategyConfig(params: ["fast": 10, "slow": 30])]
    /// Starting cash of simulation and paper accounts (quote currency); default 10000.
    public var initialCash = 10_000.0

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case mode, symbols, timeframe, strategies, initialCash = "initial_cash"
    }
}
