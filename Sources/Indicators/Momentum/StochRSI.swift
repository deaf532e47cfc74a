/// Stochastic RSI (TA-Lib `STOCHRSI`, defaults 14, 5, 3 with SMA smoothing).
///
/// The fast stochastic of the RSI series: fast %K = 100 × (RSI - lowest RSI) / (highest RSI -
/// lowest RSI) over `fastK` RSI values (0 when flat), fast %D its `fastD`-value SMA. Both outputs
/// are defined from index `period + fastK + fastD - 2`.
public struct StochRSI: Sendable {
    /// One bar's fast %K and %D of the RSI (NaN during the warm-up).
    public struct Output: Sendable, Equatable {
        /// Fast %K of the RSI, 0...100.
        public var k: Double
        /// Fast %D: SMA of %K over the fastD period.
        public var d: Double

        /// Creates an output from %K and %D.
        public init(k: Double, d: Double) {
            self.k = k
            self.d = d
        }

        static let undefined = Output(k: .nan, d: .nan)
    }

    /// %K and %D columns for a whole series.
    public struct Series: Sendable {
        /// Fast %K of the RSI, per bar.
        public var k: [Double]
        /// Fast %D, per bar.
        public var d: [Double]
    }

    /// RSI period.
    public let period: Int
    /// Number of RSI values whose range %K measures.
    public let fastKPeriod: Int
    /// Period of the %D SMA.
    public let fastDPeriod: Int
    private var rsi: RSI
    private var highest: MonotonicWindow
    private var lowest: MonotonicWindow
    private var fastD: SMA

    /// - Precondition: `period >= 2`, `fastK >= 1`, `fastD >= 1`.
    public init(period: Int = 14, fastK: Int = 5, fastD: Int = 3) {
        precondition(period >= 2 && fastK >= 1 && fastD >= 1,
                     "StochRSI needs period >= 2, fastK >= 1, fastD >= 1, got \(period), \(fastK), \(fastD)")
        self.period = period
        fastKPeriod = fastK
        fastDPeriod = fastD
        rsi = RSI(period: period)
        highest = MonotonicWindow(period: fastK, extreme: .maximum)
        lowest = MonotonicWindow(period: fastK, extreme: .minimum)
        self.fastD = SMA(period: fastD)
    }

    /// Index of the first defined output: `period + fastK + fastD - 2`.
    public var lookback: Int { period + fastKPeriod + fastDPeriod - 2 }

    /// Adds the next value and returns fast %K and %D of the RSI. Leading NaN inputs are ignored.
    ///
    /// - Complexity: amortized O(1), allocation free.
    public mutating func update(_ value: Double) -> Output {
        let strength = rsi.update(value)
        guard !strength.isNaN else { return .undefined }
        let top = highest.push(strength)
        let bottom = lowest.push(strength)
        guard highest.pushedCount >= fastKPeriod else { return .undefined }
        let k = PriceMath.stochasticK(close: strength, highest: top, lowest: bottom)
        let d = fastD.update(k)
        guard !d.isNaN else { return .undefined }
        return Output(k: k, d: d)
    }

    /// Fast %K and %D of the RSI of `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(count) typical (see `rollingExtremes`).
    public static func compute(_ values: [Double], period: Int = 14, fastK: Int = 5, fastD: Int = 3) -> Series {
        precondition(period >= 2 && fastK >= 1 && fastD >= 1,
                     "StochRSI needs period >= 2, fastK >= 1, fastD >= 1, got \(period), \(fastK), \(fastD)")
        let strength = RSI.compute(values, period: period)
        let begin = Batch.firstValid(strength)
        let (top, bottom) = Batch.rollingExtremes(high: strength, low: strength, period: fastK, from: begin)
        var k = Batch.undefined(values.count)
        for i in k.indices where !top[i].isNaN {
            k[i] = PriceMath.stochasticK(close: strength[i], highest: top[i], lowest: bottom[i])
        }
        let d = SMA.compute(k, period: fastD)
        return Series(k: Batch.masked(k, by: d), d: d)
    }
}
