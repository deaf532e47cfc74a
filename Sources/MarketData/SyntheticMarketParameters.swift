/// The statistical model behind ``SyntheticBarGenerator``; the defaults resemble a large crypto asset.
///
/// Rates are annualised (365-day years) and scaled to the bar timeframe by the generator.
public struct SyntheticMarketParameters: Sendable, Hashable, Codable {
    /// Drift and base volatility of one regime.
    public struct Regime: Sendable, Hashable, Codable {
        /// Expected log return per year.
        public var drift: Double
        /// Unconditional volatility per year (GARCH long-run level).
        public var volatility: Double

        /// A regime with an annual `drift` and `volatility`.
        public init(drift: Double, volatility: Double) {
            self.drift = drift
            self.volatility = volatility
        }
    }

    /// Regime parameters indexed by ``MarketRegime/rawValue`` (bull, bear, range).
    public var regimes: [Regime] = [
        Regime(drift: 0.9, volatility: 0.55),
        Regime(drift: -0.9, volatility: 0.75),
        Regime(drift: 0.0, volatility: 0.35),
    ]
    /// Mean regime duration in days (never shorter than `minimumRegimeBars` bars).
    public var meanRegimeDays = 10.0
    /// Lower bound on the mean regime duration, in bars.
    public var minimumRegimeBars = 20.0
    /// `transitions[from][to]`: where a regime goes when it ends (rows sum to 1, diagonal 0).
    public var transitions: [[Double]] = [
        [0.0, 0.4, 0.6],
        [0.4, 0.0, 0.6],
        [0.5, 0.5, 0.0],
    ]
    /// GARCH(1,1) reaction to the last squared shock.
    public var garchAlpha = 0.08
    /// GARCH(1,1) persistence of the last variance (`alpha + beta < 1`).
    public var garchBeta = 0.90
    /// Expected number of price jumps per year (Poisson).
    public var jumpsPerYear = 25.0
    /// Mean log size of one jump.
    public var jumpMean = -0.002
    /// Standard deviation of the log size of one jump.
    public var jumpVolatility = 0.025
    /// Pull of the log price back towards the start price, per year (keeps long series bounded).
    public var meanReversionPerYear = 0.3
    /// Typical traded volume per minute of bar time, in base units.
    public var baseVolumePerMinute = 8.0
    /// Decimal places of volumes.
    public var volumeDecimals = 4
    /// Significant digits kept in prices (the tick size follows the start price, as on exchanges).
    public var priceSignificantDigits = 7

    /// The default parameters, resembling a large crypto asset.
    public init() {}
}
