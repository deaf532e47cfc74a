import TradingModel

/// Slow stochastic oscillator (TA-Lib `STOCH` with SMA smoothing, TA-Lib defaults 5, 3, 3).
///
/// Fast %K = 100 × (close - lowest low) / (highest high - lowest low) over `fastK` bars (0 when the
/// range is flat); slow %K is its `slowK`-bar SMA and slow %D the `slowD`-bar SMA of slow %K. Both
/// outputs are defined from index `fastK + slowK + slowD - 3`.
public struct Stochastic: Sendable {
    /// One bar's slow %K and %D (NaN during the warm-up).
    public struct Output: Sendable, Equatable {
        /// Slow %K, 0...100.
        public var k: Double
        /// Slow %D: SMA of slow %K.
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
        /// Slow %K, per bar.
        public var k: [Double]
        /// Slow %D, per bar.
        public var d: [Double]
    }

    /// Number of bars whose high-low range fast %K measures.
    public let fastKPeriod: Int
    /// Period of the SMA turning fast %K into slow %K.
    public let slowKPeriod: Int
    /// Period of the SMA turning slow %K into %D.
    public let slowDPeriod: Int
    private var highest: MonotonicWindow
    private var lowest: MonotonicWindow
    private var slowK: SMA
    private var slowD: SMA

    /// - Precondition: all periods >= 1.
    public init(fastK: Int = 5, slowK: Int = 3, slowD: Int = 3) {
        precondition(fastK >= 1 && slowK >= 1 && slowD >= 1,
                     "Stochastic periods must be >= 1, got \(fastK), \(slowK), \(slowD)")
        fastKPeriod = fastK
        slowKPeriod = slowK
        slowDPeriod = slowD
        highest = MonotonicWindow(period: fastK, extreme: .maximum)
        lowest = MonotonicWindow(period: fastK, extreme: .minimum)
        self.slowK = SMA(period: slowK)
        self.slowD = SMA(period: slowD)
    }

    /// Index of the first defined output: `fastK + slowK + slowD - 3`.
    public var lookback: Int { fastKPeriod + slowKPeriod + slowDPeriod - 3 }

    /// Adds the next bar and returns slow %K and %D.
    ///
    /// - Complexity: amortized O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Output {
        let top = highest.push(high)
        let bottom = lowest.push(low)
        guard highest.pushedCount >= fastKPeriod else { return .undefined }
        let fastK = PriceMath.stochasticK(close: close, highest: top, lowest: bottom)
        let k = slowK.update(fastK)
        guard !k.isNaN else { return .undefined }
        let d = slowD.update(k)
        guard !d.isNaN else { return .undefined }
        return Output(k: k, d: d)
    }

    /// Adds the next bar and returns slow %K and %D.
    public mutating func update(_ bar: Bar) -> Output {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// Slow %K and %D over a whole series.
    ///
    /// - Complexity: O(count) typical (see `rollingExtremes`).
    public static func compute(_ bars: BarColumns, fastK: Int = 5, slowK: Int = 3, slowD: Int = 3) -> Series {
        precondition(fastK >= 1 && slowK >= 1 && slowD >= 1,
                     "Stochastic periods must be >= 1, got \(fastK), \(slowK), \(slowD)")
        let (top, bottom) = Batch.rollingExtremes(high: bars.high, low: bars.low, period: fastK)
        var fast = Batch.undefined(bars.count)
        for i in fast.indices where !top[i].isNaN {
            fast[i] = PriceMath.stochasticK(close: bars.close[i], highest: top[i], lowest: bottom[i])
        }
        let k = SMA.compute(fast, period: slowK)
        let d = SMA.compute(k, period: slowD)
        return Series(k: Batch.masked(k, by: d), d: d)
    }
}
