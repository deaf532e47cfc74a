/// Bollinger Bands (TA-Lib `BBANDS` with an SMA middle band and equal up/down deviations).
///
/// Middle = SMA(period) (bit-for-bit TA-Lib's), upper/lower = middle ± multiplier × the population
/// standard deviation of the same window. The deviation is computed with anchored sums (see
/// `MovingStandardDeviation`) and agrees with TA-Lib's to ~1e-12 relative; flat windows give
/// exactly 0. All outputs are defined from index `period - 1`.
public struct BollingerBands: Sendable {
    /// One bar's bands (NaN during the warm-up).
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

        static let undefined = Output(upper: .nan, middle: .nan, lower: .nan)
    }

    /// Band columns for a whole series.
    public struct Series: Sendable {
        /// Upper line, per bar.
        public var upper: [Double]
        /// Middle line, per bar.
        public var middle: [Double]
        /// Lower line, per bar.
        public var lower: [Double]
    }

    /// Number of bars (values) in the window.
    public let period: Int
    /// Number of standard deviations between the middle band and each outer band.
    public let multiplier: Double
    private var average: SMA
    private var deviation: MovingStandardDeviation
    private var started = false

    /// - Precondition: `period >= 2` (TA-Lib's minimum) and a finite `multiplier`.
    public init(period: Int = 20, multiplier: Double = 2) {
        precondition(period >= 2 && multiplier.isFinite,
                     "BollingerBands needs period >= 2 and a finite multiplier, got \(period), \(multiplier)")
        self.period = period
        self.multiplier = multiplier
        average = SMA(period: period)
        deviation = MovingStandardDeviation(period: period)
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next value and returns the bands. Leading NaN inputs are ignored.
    ///
    /// - Complexity: amortized O(1), allocation free.
    public mutating func update(_ value: Double) -> Output {
        if !started {
            guard !value.isNaN else { return .undefined }
            started = true
        }
        let middle = average.update(value)
        let spread = deviation.update(value) * multiplier
        guard !middle.isNaN else { return .undefined }
        return Output(upper: middle + spread, middle: middle, lower: middle - spread)
    }

    /// Bands over `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int = 20, multiplier: Double = 2) -> Series {
        precondition(period >= 2 && multiplier.isFinite,
                     "BollingerBands needs period >= 2 and a finite multiplier, got \(period), \(multiplier)")
        let middle = SMA.compute(values, period: period)
        let deviations = MovingStandardDeviation.compute(values, period: period, from: Batch.firstValid(values))
        var upper = Batch.undefined(values.count)
        var lower = Batch.undefined(values.count)
        for i in values.indices where !middle[i].isNaN {
            let spread = deviations[i] * multiplier
            upper[i] = middle[i] + spread
            lower[i] = middle[i] - spread
        }
        return Series(upper: upper, middle: middle, lower: lower)
    }
}
