/// Linearly weighted moving average: weights 1, 2, ..., `period` from the oldest to the newest value,
/// divided by `period * (period + 1) / 2` (TA-Lib `WMA`).
///
/// The weighted and plain window sums are updated in O(1) per value and recomputed exactly from the
/// window every `period` values, so rounding error cannot build up over long streams (TA-Lib's own
/// values agree to ~1e-14 relative).
public struct WMA: Sendable {
    /// Number of values weighted.
    public let period: Int
    private var window: RingBuffer
    private var weightedSum = 0.0
    private var plainSum = 0.0
    private var sinceRecompute: Int

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "WMA period must be >= 1, got \(period)")
        self.period = period
        window = RingBuffer(capacity: period)
        sinceRecompute = period
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next value and returns the weighted average, or NaN until `period` values were seen.
    /// Leading NaN inputs are ignored.
    ///
    /// - Complexity: amortized O(1) (an O(period) exact recomputation every `period` values),
    ///   allocation free.
    public mutating func update(_ value: Double) -> Double {
        if window.count == 0 && value.isNaN { return .nan }
        let evicted = window.push(value)
        guard window.isFull else { return .nan }
        if period == 1 { return value }
        if sinceRecompute == period {
            plainSum = 0
            weightedSum = 0
            for i in 0..<period {
                let x = window[i]
                plainSum += x
                weightedSum += x * Double(i + 1)
            }
            sinceRecompute = 0
        } else {
            weightedSum += value * Double(period) - plainSum
            plainSum += value - (evicted ?? 0)
        }
        sinceRecompute += 1
        return weightedSum / Double(period * (period + 1) / 2)
    }

    /// The WMA of `values`; NaN before index `firstValid + period - 1` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        precondition(period >= 1, "WMA period must be >= 1, got \(period)")
        var out = Batch.undefined(values.count)
        let begin = Batch.firstValid(values)
        guard values.count - begin >= period else { return out }
        if period == 1 {
            for i in begin..<values.count { out[i] = values[i] }
            return out
        }
        let divisor = Double(period * (period + 1) / 2)
        var weightedSum = 0.0
        var plainSum = 0.0
        var sinceRecompute = period
        for t in (begin + period - 1)..<values.count {
            if sinceRecompute == period {
                plainSum = 0
                weightedSum = 0
                for i in 0..<period {
                    let x = values[t - period + 1 + i]
                    plainSum += x
                    weightedSum += x * Double(i + 1)
                }
                sinceRecompute = 0
            } else {
                weightedSum += values[t] * Double(period) - plainSum
                plainSum += values[t] - values[t - period]
            }
            sinceRecompute += 1
            out[t] = weightedSum / divisor
        }
        return out
    }
}
