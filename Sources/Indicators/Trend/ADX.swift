import TradingModel

/// Wilder's directional movement system: ADX with +DI and -DI (TA-Lib `ADX`, `PLUS_DI`, `MINUS_DI`).
///
/// +DM is today's high minus yesterday's high when that exceeds both zero and the low's drop (-DM
/// symmetrically); +DM, -DM and the true range are summed over the first `period - 1` bars and then
/// Wilder-smoothed (`s = s - s / period + today`). `±DI = 100 × ±DM / TR` (0 when TR is 0), defined
/// from index `period`. `DX = 100 × |+DI - -DI| / (+DI + -DI)`; ADX is the average of the first
/// `period` DX values (index `2 × period - 1`), then `adx = (adx × (period - 1) + dx) / period`.
/// As in TA-Lib, a bar whose DX is undefined (no range, or no directional movement at all) leaves
/// the ADX unchanged.
public struct ADX: Sendable {
    /// One bar's values (each NaN until defined).
    public struct Output: Sendable, Equatable {
        /// Average directional index, 0...100.
        public var adx: Double
        /// Positive directional indicator +DI, 0...100.
        public var plusDI: Double
        /// Negative directional indicator -DI, 0...100.
        public var minusDI: Double

        /// Creates an output from its three values.
        public init(adx: Double, plusDI: Double, minusDI: Double) {
            self.adx = adx
            self.plusDI = plusDI
            self.minusDI = minusDI
        }

        static let undefined = Output(adx: .nan, plusDI: .nan, minusDI: .nan)
    }

    /// Columns for a whole series.
    public struct Series: Sendable {
        /// ADX, per bar.
        public var adx: [Double]
        /// +DI, per bar.
        public var plusDI: [Double]
        /// -DI, per bar.
        public var minusDI: [Double]
    }

    /// Wilder smoothing period of the directional movement, true range and ADX.
    public let period: Int
    private var state: DirectionalState

    /// - Precondition: `period >= 2` (TA-Lib's minimum for ADX).
    public init(period: Int = 14) {
        precondition(period >= 2, "ADX period must be >= 2, got \(period)")
        self.period = period
        state = DirectionalState(period: period)
    }

    /// Index of the first bar with all outputs defined: `2 × period - 1` (±DI from `period`).
    public var lookback: Int { 2 * period - 1 }

    /// Adds the next bar and returns ADX, +DI and -DI.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Output {
        state.advance(high: high, low: low, close: close)
    }

    /// Adds the next bar and returns ADX, +DI and -DI.
    public mutating func update(_ bar: Bar) -> Output {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// ADX, +DI and -DI over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns, period: Int = 14) -> Series {
        precondition(period >= 2, "ADX period must be >= 2, got \(period)")
        var series = Series(adx: Batch.undefined(bars.count), plusDI: Batch.undefined(bars.count),
                            minusDI: Batch.undefined(bars.count))
        var state = DirectionalState(period: period)
        for i in 0..<bars.count {
            let output = state.advance(high: bars.high[i], low: bars.low[i], close: bars.close[i])
            series.adx[i] = output.adx
            series.plusDI[i] = output.plusDI
            series.minusDI[i] = output.minusDI
        }
        return series
    }
}
