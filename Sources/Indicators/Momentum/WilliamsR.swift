import TradingModel

/// Williams %R (TA-Lib `WILLR`): `-100 × (highest high - close) / (highest high - lowest low)` over
/// `period` bars, -100...0, and 0 when the range is flat. The first output is at index `period - 1`.
public struct WilliamsR: Sendable {
    /// Number of bars (values) in the window.
    public let period: Int
    private var highest: MonotonicWindow
    private var lowest: MonotonicWindow

    /// - Precondition: `period >= 2` (TA-Lib's minimum).
    public init(period: Int) {
        precondition(period >= 2, "Williams %R period must be >= 2, got \(period)")
        self.period = period
        highest = MonotonicWindow(period: period, extreme: .maximum)
        lowest = MonotonicWindow(period: period, extreme: .minimum)
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next bar and returns %R, or NaN until `period` bars were seen.
    ///
    /// - Complexity: amortized O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        let top = highest.push(high)
        let bottom = lowest.push(low)
        guard highest.pushedCount >= period else { return .nan }
        return PriceMath.williamsR(close: close, highest: top, lowest: bottom)
    }

    /// Adds the next bar and returns %R.
    public mutating func update(_ bar: Bar) -> Double {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// %R over a whole series.
    ///
    /// - Complexity: O(count) typical (see `rollingExtremes`).
    public static func compute(_ bars: BarColumns, period: Int) -> [Double] {
        precondition(period >= 2, "Williams %R period must be >= 2, got \(period)")
        let (top, bottom) = Batch.rollingExtremes(high: bars.high, low: bars.low, period: period)
        var out = Batch.undefined(bars.count)
        for i in out.indices where !top[i].isNaN {
            out[i] = PriceMath.williamsR(close: bars.close[i], highest: top[i], lowest: bottom[i])
        }
        return out
    }
}
