import Simulation
import TradingModel

/// The `backtesting:` section: costs and fills.
public struct BacktestingConfig: Sendable, Hashable, Codable {
    /// Maker and taker fee rate; default 0.001 (0.1 %).
    public var fee = 0.001
    /// Fixed slippage in basis points on taker fills; default 0.
    public var slippageBps = 0.0
    /// When orders first meet the market; default `next-open`.
    public var fill: FillMode = .nextOpen

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey { case fee, slippageBps = "slippage_bps", fill }

    /// The simulated venue's matching configuration for these costs.
    public var matching: MatchingConfig {
        MatchingConfig(fillMode: fill, fees: FeeModel(makerRate: Fixed(fee), takerRate: Fixed(fee)),
                       slippage: SlippageModel(fixedBps: slippageBps))
    }
}
