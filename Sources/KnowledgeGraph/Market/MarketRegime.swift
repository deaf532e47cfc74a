/// The state a market is in over a stretch of bars (see ``RegimeClassifier`` for the rule).
public enum MarketRegime: String, Sendable, Hashable, Codable, CaseIterable {
    /// Returns drift upwards by at least the trend threshold in units of their own volatility.
    case trendUp = "trend_up"
    /// Returns drift downwards by at least the trend threshold.
    case trendDown = "trend_down"
    /// Neither a trend nor high volatility.
    case range
    /// Volatility at or above its own recent percentile threshold (takes precedence over trend and range).
    case highVolatility = "high_volatility"
}

/// A run of consecutive bars in one regime.
public struct RegimeEpisode: Sendable, Hashable, Codable {
    /// The regime of every bar in the run.
    public var regime: MarketRegime
    /// Open time of the first bar (Unix ms).
    public var from: Int64
    /// Open time of the last bar (Unix ms).
    public var to: Int64
    /// Bars in the episode.
    public var bars: Int

    /// An episode.
    public init(regime: MarketRegime, from: Int64, to: Int64, bars: Int) {
        self.regime = regime
        self.from = from
        self.to = to
        self.bars = bars
    }
}
