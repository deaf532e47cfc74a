import Foundation
import TradingModel

/// Classifies each bar into a ``MarketRegime`` from closes alone, and merges consecutive bars into episodes.
///
/// The rule, at bar t with at least `window + 1` closes:
/// - σ = sample standard deviation of the last `window` log returns; drift = ln(close[t] / close[t - window]);
///   z = drift / (σ · √window), the drift in units of the volatility it would have by chance.
/// - **high_volatility** when at least the fraction `volatilityPercentile` (0.8) of the σ values of the last
///   `volatilityLookback` (250) bars (counting the current one) lie strictly below σ, once at least `window`
///   σ values exist: volatility that is high for its own recent history, never merely steady;
/// - otherwise **trend_up** when z ≥ `trendThreshold` (1.0), **trend_down** when z ≤ −`trendThreshold`,
///   else **range**. A flat window (σ = 0) is range unless the price moved.
///
/// Bars before the first full window get no regime.
public struct RegimeClassifier: Sendable, Hashable {
    /// Returns per estimate (default 20).
    public var window: Int
    /// |z| at which drift counts as a trend (default 1.0).
    public var trendThreshold: Double
    /// Percentile rank of σ at which volatility counts as high (default 0.8).
    public var volatilityPercentile: Double
    /// σ values the percentile is taken over (default 250).
    public var volatilityLookback: Int

    /// A classifier (window at least 2).
    public init(window: Int = 20, trendThreshold: Double = 1.0, volatilityPercentile: Double = 0.8,
                volatilityLookback: Int = 250) {
        self.window = max(2, window)
        self.trendThreshold = trendThreshold
        self.volatilityPercentile = volatilityPercentile
        self.volatilityLookback = max(1, volatilityLookback)
    }

    /// The regime of every bar (nil before the first full window).
    /// - Complexity: O(n · (window + volatilityLookback)); allocates the result and one lookback buffer.
    public func classify(_ bars: [Bar]) -> [MarketRegime?] {
        var result = [MarketRegime?](repeating: nil, count: bars.count)
        guard bars.count > window else { return result }
        var sigmas = [Double](repeating: 0, count: volatilityLookback)
        var sigmaCount = 0
        let root = Double(window).squareRoot()
        for t in window..<bars.count {
            var mean = 0.0
            for k in (t - window + 1)...t { mean += log(bars[k].close / bars[k - 1].close) }
            mean /= Double(window)
            var variance = 0.0
            for k in (t - window + 1)...t {
                let d = log(bars[k].close / bars[k - 1].close) - mean
                variance += d * d
            }
            let sigma = (variance / Double(window - 1)).squareRoot()
            sigmas[sigmaCount % volatilityLookback] = sigma
            sigmaCount += 1
            let held = min(sigmaCount, volatilityLookback)
            if sigmaCount >= window {
                // Strictly below (with a relative tolerance), so steady volatility never ranks as high.
                let threshold = sigma * (1 - 1e-9)
                var below = 0
                for k in 0..<held where sigmas[k] < threshold { below += 1 }
                if Double(below) / Double(held) >= volatilityPercentile {
                    result[t] = .highVolatility
                    continue
                }
            }
            let drift = log(bars[t].close / bars[t - window].close)
            let z: Double = sigma > 0 ? drift / (sigma * root) : (drift > 0 ? .infinity : drift < 0 ? -.infinity : 0)
            result[t] = z >= trendThreshold ? .trendUp : z <= -trendThreshold ? .trendDown : .range
        }
        return result
    }

    /// Consecutive bars of one regime merged into episodes, oldest first.
    /// - Complexity: O(n · (window + volatilityLookback)).
    public func episodes(_ bars: [Bar]) -> [RegimeEpisode] {
        var episodes: [RegimeEpisode] = []
        for (index, regime) in classify(bars).enumerated() {
            guard let regime else { continue }
            if let last = episodes.last, last.regime == regime {
                episodes[episodes.count - 1].to = bars[index].time
                episodes[episodes.count - 1].bars += 1
            } else {
                episodes.append(RegimeEpisode(regime: regime, from: bars[index].time, to: bars[index].time, bars: 1))
            }
        }
        return episodes
    }
}
