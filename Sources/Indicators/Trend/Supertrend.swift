import TradingModel

/// Supertrend: an ATR trailing stop that flips sides when the close crosses it.
///
/// With `hl2 = (high + low) / 2` and the TA-Lib `ATR(atrPeriod)`:
/// basic bands `hl2 ± multiplier × ATR`; the final upper band only moves down (it takes the basic
/// band when that is lower or when the previous close was above the previous final band), the final
/// lower band only moves up (symmetrically). In an uptrend (+1) the line is the final lower band
/// and the trend turns down (-1) when the close falls below it; in a downtrend the line is the final
/// upper band and the trend turns up when the close rises above it. This is TradingView's
/// `ta.supertrend` with the sign of the direction flipped so that +1 means up, including its start:
/// the first defined bar (index `atrPeriod`, where the ATR is first defined) is a downtrend.
public struct Supertrend: Sendable {
    /// One bar's Supertrend line and trend direction.
    public struct Output: Sendable, Equatable {
        /// The trailing stop: below the price in an uptrend, above it in a downtrend (NaN during
        /// the warm-up).
        public var value: Double
        /// +1 uptrend, -1 downtrend, 0 during the warm-up.
        public var direction: Int

        /// Creates an output from the line and the direction.
        public init(value: Double, direction: Int) {
            self.value = value
            self.direction = direction
        }

        static let undefined = Output(value: .nan, direction: 0)
    }

    /// Line and direction columns for a whole series (direction +1/-1, NaN during the warm-up).
    public struct Series: Sendable {
        /// The Supertrend line, per bar.
        public var value: [Double]
        /// +1 / -1 per bar, NaN during the warm-up.
        public var direction: [Double]
    }

    /// Period of the ATR.
    public let atrPeriod: Int
    /// Number of ATRs between `hl2` and the basic bands.
    public let multiplier: Double
    private var range: ATR
    private var state = BandState()

    /// - Precondition: `atrPeriod >= 1` and a finite `multiplier`.
    public init(atrPeriod: Int = 10, multiplier: Double = 3) {
        precondition(atrPeriod >= 1 && multiplier.isFinite,
                     "Supertrend needs atrPeriod >= 1 and a finite multiplier, got \(atrPeriod), \(multiplier)")
        self.atrPeriod = atrPeriod
        self.multiplier = multiplier
        range = ATR(period: atrPeriod)
    }

    /// Index of the first defined output: `atrPeriod`.
    public var lookback: Int { atrPeriod }

    /// Adds the next bar and returns the line and direction.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Output {
        let atr = range.update(high: high, low: low, close: close)
        return state.advance(high: high, low: low, close: close, atr: atr, multiplier: multiplier)
    }

    /// Adds the next bar and returns the line and direction.
    public mutating func update(_ bar: Bar) -> Output {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// Line and direction over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns, atrPeriod: Int = 10, multiplier: Double = 3) -> Series {
        precondition(atrPeriod >= 1 && multiplier.isFinite,
                     "Supertrend needs atrPeriod >= 1 and a finite multiplier, got \(atrPeriod), \(multiplier)")
        let ranges = ATR.compute(bars, period: atrPeriod)
        var value = Batch.undefined(bars.count)
        var direction = Batch.undefined(bars.count)
        var state = BandState()
        for i in 0..<bars.count {
            let output = state.advance(high: bars.high[i], low: bars.low[i], close: bars.close[i],
                                       atr: ranges[i], multiplier: multiplier)
            value[i] = output.value
            if output.direction != 0 { direction[i] = Double(output.direction) }
        }
        return Series(value: value, direction: direction)
    }

    /// The band-ratcheting state machine shared by the streaming and batch forms.
    struct BandState: Sendable {
        private var upper = 0.0
        private var lower = 0.0
        private var previousClose = Double.nan
        private var direction = 0

        /// Advances by one bar given that bar's ATR (NaN during the ATR warm-up).
        mutating func advance(high: Double, low: Double, close: Double, atr: Double, multiplier: Double) -> Output {
            defer { previousClose = close }
            guard !atr.isNaN else { return .undefined }
            let middle = (high + low) / 2
            let basicUpper = middle + multiplier * atr
            let basicLower = middle - multiplier * atr
            if direction == 0 {
                upper = basicUpper
                lower = basicLower
                direction = -1
            } else {
                if basicUpper < upper || previousClose > upper { upper = basicUpper }
                if basicLower > lower || previousClose < lower { lower = basicLower }
                if direction == -1 {
                    direction = close > upper ? 1 : -1
                } else {
                    direction = close < lower ? -1 : 1
                }
            }
            return Output(value: direction == 1 ? lower : upper, direction: direction)
        }
    }
}
