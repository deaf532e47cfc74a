import TradingModel

/// Keltner channel: middle = EMA(close, period), upper/lower = middle ± multiplier × ATR(period).
///
/// The EMA and ATR are TA-Lib's (`EMA` seeded by an SMA, `ATR` with Wilder smoothing), so the
/// middle line is defined from index `period - 1` and the outer bands, which need the ATR, from
/// index `period`.
public struct Keltner: Sendable {
    /// One bar's channel (each line NaN until defined).
    public struct Output: Sendable, Equatable {
        /// Upper line.
        public var upper: Double
        /// Middle line.
        public var middle: Double
        /// Lower line.
        public var lower: Double

        /// Creates an output from its three lines.
        public init(upper: Double, middle: Double, lower: Double) {
            self.upper = upper
            self.middle = middle
            self.lower = lower
        }
    }

    /// Channel columns for a whole series.
    public struct Series: Sendable {
        /// Upper line, per bar.
        public var upper: [Double]
        /// Middle line, per bar.
        public var middle: [Double]
        /// Lower line, per bar.
        public var lower: [Double]
    }

    /// Period of both the EMA middle line and the ATR.
    public let period: Int
    /// Number of ATRs between the middle line and each band.
    public let multiplier: Double
    private var average: EMA
    private var range: ATR

    /// - Precondition: `period >= 1` and a finite `multiplier`.
    public init(period: Int = 20, multiplier: Double = 2) {
        precondition(period >= 1 && multiplier.isFinite,
                     "Keltner needs period >= 1 and a finite multiplier, got \(period), \(multiplier)")
        self.period = period
        self.multiplier = multiplier
        average = EMA(period: period)
        range = ATR(period: period)
    }

    /// Index of the first bar with all three lines defined: `period`.
    public var lookback: Int { period }

    /// Adds the next bar and returns the channel.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Output {
        let middle = average.update(close)
        let width = range.update(high: high, low: low, close: close) * multiplier
        return Output(upper: middle + width, middle: middle, lower: middle - width)
    }

    /// Adds the next bar and returns the channel.
    public mutating func update(_ bar: Bar) -> Output {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// The channel over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns, period: Int = 20, multiplier: Double = 2) -> Series {
        precondition(period >= 1 && multiplier.isFinite,
                     "Keltner needs period >= 1 and a finite multiplier, got \(period), \(multiplier)")
        let middle = EMA.compute(bars.close, period: period, from: 0)
        let ranges = ATR.compute(bars, period: period)
        var upper = Batch.undefined(bars.count)
        var lower = Batch.undefined(bars.count)
        for i in middle.indices {
            let width = ranges[i] * multiplier
            upper[i] = middle[i] + width
            lower[i] = middle[i] - width
        }
        return Series(upper: upper, middle: middle, lower: lower)
    }
}
