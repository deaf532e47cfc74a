/// Moving average convergence/divergence (TA-Lib `MACD`): the fast EMA minus the slow EMA, its
/// signal EMA and their difference (the histogram).
///
/// TA-Lib's quirk is reproduced: the fast EMA is not started on the first value but `slow - fast`
/// values later, so both EMAs are seeded by simple averages that end on the same bar (index
/// `slow - 1`). All three outputs are defined from index `slow + signal - 2`.
public struct MACD: Sendable {
    /// One bar's MACD values (all NaN during the warm-up).
    public struct Output: Sendable, Equatable {
        /// Fast EMA minus slow EMA.
        public var macd: Double
        /// EMA of `macd` over the signal period.
        public var signal: Double
        /// `macd - signal`.
        public var histogram: Double

        /// Creates an output from its three values.
        public init(macd: Double, signal: Double, histogram: Double) {
            self.macd = macd
            self.signal = signal
            self.histogram = histogram
        }

        static let undefined = Output(macd: .nan, signal: .nan, histogram: .nan)
    }

    /// MACD columns for a whole series.
    public struct Series: Sendable {
        /// Fast EMA minus slow EMA, per bar.
        public var macd: [Double]
        /// EMA of the MACD line, per bar.
        public var signal: [Double]
        /// MACD line minus signal, per bar.
        public var histogram: [Double]
    }

    /// Period of the fast EMA.
    public let fastPeriod: Int
    /// Period of the slow EMA.
    public let slowPeriod: Int
    /// Period of the signal EMA.
    public let signalPeriod: Int
    private var fast: EMA
    private var slow: EMA
    private var signal: EMA
    private var seen = 0

    /// - Precondition: `2 <= fast < slow` and `signal >= 1`.
    public init(fast: Int = 12, slow: Int = 26, signal: Int = 9) {
        precondition(fast >= 2 && slow > fast && signal >= 1,
                     "MACD needs 2 <= fast < slow and signal >= 1, got fast \(fast), slow \(slow), signal \(signal)")
        fastPeriod = fast
        slowPeriod = slow
        signalPeriod = signal
        self.fast = EMA(period: fast)
        self.slow = EMA(period: slow)
        self.signal = EMA(period: signal)
    }

    /// Index of the first defined output: `slow + signal - 2`.
    public var lookback: Int { slowPeriod + signalPeriod - 2 }

    /// Adds the next value and returns MACD, signal and histogram (NaN during the warm-up). Leading
    /// NaN inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ value: Double) -> Output {
        if seen == 0 && value.isNaN { return .undefined }
        seen += 1
        let slowValue = slow.update(value)
        let fastValue = seen > slowPeriod - fastPeriod ? fast.update(value) : .nan
        guard !slowValue.isNaN else { return .undefined }
        let line = fastValue - slowValue
        let signalValue = signal.update(line)
        guard !signalValue.isNaN else { return .undefined }
        return Output(macd: line, signal: signalValue, histogram: line - signalValue)
    }

    /// MACD of `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], fast: Int = 12, slow: Int = 26, signal: Int = 9) -> Series {
        precondition(fast >= 2 && slow > fast && signal >= 1,
                     "MACD needs 2 <= fast < slow and signal >= 1, got fast \(fast), slow \(slow), signal \(signal)")
        let begin = Batch.firstValid(values)
        let slowEMA = EMA.compute(values, period: slow, from: begin)
        let fastEMA = EMA.compute(values, period: fast, from: begin + slow - fast)
        var line = Batch.undefined(values.count)
        for i in line.indices where !slowEMA[i].isNaN { line[i] = fastEMA[i] - slowEMA[i] }
        let signalLine = EMA.compute(line, period: signal)
        var histogram = Batch.undefined(values.count)
        for i in histogram.indices where !signalLine[i].isNaN { histogram[i] = line[i] - signalLine[i] }
        return Series(macd: Batch.masked(line, by: signalLine), signal: signalLine, histogram: histogram)
    }
}
