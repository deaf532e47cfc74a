import TradingModel

/// On-balance volume (TA-Lib `OBV`): starts at the first bar's volume, then adds the volume of each
/// bar that closes higher than the previous close and subtracts it when it closes lower. Defined
/// from the first bar.
public struct OBV: Sendable {
    private var total = 0.0
    private var previousClose = 0.0
    private var started = false

    /// Creates an OBV that starts at the first bar's volume.
    public init() {}

    /// Index of the first defined output: 0.
    public var lookback: Int { 0 }

    /// Adds the next bar and returns the running on-balance volume.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(close: Double, volume: Double) -> Double {
        if !started {
            started = true
            total = volume
        } else if close > previousClose {
            total += volume
        } else if close < previousClose {
            total -= volume
        }
        previousClose = close
        return total
    }

    /// Adds the next bar and returns the running on-balance volume.
    public mutating func update(_ bar: Bar) -> Double {
        update(close: bar.close, volume: bar.volume)
    }

    /// On-balance volume over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns) -> [Double] {
        var out = Batch.undefined(bars.count)
        guard bars.count > 0 else { return out }
        var total = bars.volume[0]
        out[0] = total
        for i in 1..<bars.count {
            if bars.close[i] > bars.close[i - 1] {
                total += bars.volume[i]
            } else if bars.close[i] < bars.close[i - 1] {
                total -= bars.volume[i]
            }
            out[i] = total
        }
        return out
    }
}
