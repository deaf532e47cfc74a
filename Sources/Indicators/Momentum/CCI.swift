import TradingModel

/// Commodity channel index (TA-Lib `CCI`).
///
/// With typical price `tp = (high + low + close) / 3` and over the last `period` bars its mean `m`
/// and mean absolute deviation `md`: `CCI = (tp - m) / (0.015 × md)`. A window whose deviation is
/// negligible relative to the price level (TA-Lib's scaled epsilon) gives 0. The first output is at
/// index `period - 1`. Sums run in TA-Lib's circular-buffer order, so values match TA-Lib's exactly.
public struct CCI: Sendable {
    /// Number of bars (values) in the window.
    public let period: Int
    private var window: RingBuffer

    /// - Precondition: `period >= 2` (TA-Lib's minimum).
    public init(period: Int) {
        precondition(period >= 2, "CCI period must be >= 2, got \(period)")
        self.period = period
        window = RingBuffer(capacity: period)
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next bar and returns the CCI, or NaN until `period` bars were seen.
    ///
    /// - Complexity: O(period): the mean absolute deviation around the current mean needs the whole
    ///   window (TA-Lib's CCI is O(period) per bar too). Allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        let typical = PriceMath.typicalPrice(high: high, low: low, close: close)
        window.push(typical)
        guard window.isFull else { return .nan }
        var mean = 0.0
        for slot in 0..<period { mean += window.slot(slot) }
        mean /= Double(period)
        var deviation = 0.0
        for slot in 0..<period { deviation += abs(window.slot(slot) - mean) }
        deviation /= Double(period)
        return CCI.index(typical: typical, mean: mean, meanDeviation: deviation)
    }

    /// Adds the next bar and returns the CCI.
    public mutating func update(_ bar: Bar) -> Double {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// The CCI over a whole series.
    ///
    /// - Complexity: O(count × period).
    public static func compute(_ bars: BarColumns, period: Int) -> [Double] {
        precondition(period >= 2, "CCI period must be >= 2, got \(period)")
        let count = bars.count
        var out = Batch.undefined(count)
        guard count >= period else { return out }
        var typical = Batch.undefined(count)
        for i in 0..<count {
            typical[i] = PriceMath.typicalPrice(high: bars.high[i], low: bars.low[i], close: bars.close[i])
        }
        for t in (period - 1)..<count {
            // Visit the window in circular-buffer slot order: slot j holds the bar i ≡ j (mod period).
            var mean = 0.0
            for slot in 0..<period { mean += typical[t - (t - slot) % period] }
            mean /= Double(period)
            var deviation = 0.0
            for slot in 0..<period { deviation += abs(typical[t - (t - slot) % period] - mean) }
            deviation /= Double(period)
            out[t] = index(typical: typical[t], mean: mean, meanDeviation: deviation)
        }
        return out
    }

    private static func index(typical: Double, mean: Double, meanDeviation: Double) -> Double {
        let difference = typical - mean
        let scale = abs(mean)
        if PriceMath.isNegligible(difference, scale: scale) || PriceMath.isNegligible(meanDeviation, scale: scale) {
            return 0
        }
        return difference / (0.015 * meanDeviation)
    }
}
