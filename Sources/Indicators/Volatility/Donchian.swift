import TradingModel

/// Donchian channel: the highest high and lowest low of the last `period` bars (the current bar
/// included) and their midpoint. All outputs are defined from index `period - 1`.
public struct Donchian: Sendable {
    /// One bar's channel (NaN during the warm-up).
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

    /// Channel columns for a whole series.
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
    private var highest: MonotonicWindow
    private var lowest: MonotonicWindow

    /// - Precondition: `period >= 1`.
    public init(period: Int = 20) {
        precondition(period >= 1, "Donchian period must be >= 1, got \(period)")
        self.period = period
        highest = MonotonicWindow(period: period, extreme: .maximum)
        lowest = MonotonicWindow(period: period, extreme: .minimum)
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next bar and returns the channel.
    ///
    /// - Complexity: amortized O(1), allocation free.
    public mutating func update(high: Double, low: Double) -> Output {
        let upper = highest.push(high)
        let lower = lowest.push(low)
        guard highest.pushedCount >= period else { return .undefined }
        return Output(upper: upper, middle: (upper + lower) / 2, lower: lower)
    }

    /// Adds the next bar and returns the channel.
    public mutating func update(_ bar: Bar) -> Output {
        update(high: bar.high, low: bar.low)
    }

    /// The channel over a whole series.
    ///
    /// - Complexity: O(count) typical (see `rollingExtremes`).
    public static func compute(_ bars: BarColumns, period: Int = 20) -> Series {
        precondition(period >= 1, "Donchian period must be >= 1, got \(period)")
        let (upper, lower) = Batch.rollingExtremes(high: bars.high, low: bars.low, period: period)
        var middle = Batch.undefined(bars.count)
        for i in middle.indices where !upper[i].isNaN { middle[i] = (upper[i] + lower[i]) / 2 }
        return Series(upper: upper, middle: middle, lower: lower)
    }
}
