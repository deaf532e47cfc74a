import TradingModel

/// Average true range with Wilder's smoothing (TA-Lib `ATR`).
///
/// The true range needs the previous close, so the first one is on the second bar; the ATR is
/// seeded with the plain average of the first `period` true ranges (output at index `period`) and
/// then smoothed as `atr = (atr × (period - 1) + tr) / period`.
public struct ATR: Sendable {
    /// Wilder smoothing period (number of true ranges in the seed average).
    public let period: Int
    private var previousClose = 0.0
    private var hasPrevious = false
    private var ranges = 0
    private var value = 0.0

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "ATR period must be >= 1, got \(period)")
        self.period = period
    }

    /// Index of the first defined output: `period`.
    public var lookback: Int { period }

    /// Adds the next bar and returns the ATR, or NaN until `period` true ranges were seen.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        guard hasPrevious else {
            previousClose = close
            hasPrevious = true
            return .nan
        }
        let range = PriceMath.trueRange(high: high, low: low, previousClose: previousClose)
        previousClose = close
        ranges += 1
        if ranges <= period {
            value += range
            guard ranges == period else { return .nan }
            value /= Double(period)
            return value
        }
        value *= Double(period - 1)
        value += range
        value /= Double(period)
        return value
    }

    /// Adds the next bar and returns the ATR.
    public mutating func update(_ bar: Bar) -> Double {
        update(high: bar.high, low: bar.low, close: bar.close)
    }

    /// The ATR over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns, period: Int) -> [Double] {
        precondition(period >= 1, "ATR period must be >= 1, got \(period)")
        let count = bars.count
        var out = Batch.undefined(count)
        guard count > period else { return out }
        var total = 0.0
        for i in 1...period {
            total += PriceMath.trueRange(high: bars.high[i], low: bars.low[i], previousClose: bars.close[i - 1])
        }
        var atr = total / Double(period)
        out[period] = atr
        for i in (period + 1)..<count {
            atr *= Double(period - 1)
            atr += PriceMath.trueRange(high: bars.high[i], low: bars.low[i], previousClose: bars.close[i - 1])
            atr /= Double(period)
            out[i] = atr
        }
        return out
    }
}
