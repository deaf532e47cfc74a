/// Relative strength index with Wilder's smoothing (TA-Lib `RSI`), 0...100.
///
/// The average gain and loss are seeded with the plain averages of the first `period` changes and
/// then smoothed as `avg = (avg * (period - 1) + change) / period`. RSI is
/// `100 * avgGain / (avgGain + avgLoss)`, and 0 when both averages are zero. The first output is at
/// index `period`.
public struct RSI: Sendable {
    /// Smoothing period.
    public let period: Int
    private var previous = 0.0
    private var hasPrevious = false
    private var changes = 0
    private var averageGain = 0.0
    private var averageLoss = 0.0

    /// - Precondition: `period >= 2` (TA-Lib's minimum).
    public init(period: Int) {
        precondition(period >= 2, "RSI period must be >= 2, got \(period)")
        self.period = period
    }

    /// Index of the first defined output: `period`.
    public var lookback: Int { period }

    /// Adds the next value and returns the RSI, or NaN until `period` changes were seen. Leading NaN
    /// inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ value: Double) -> Double {
        guard hasPrevious else {
            previous = value
            hasPrevious = !value.isNaN
            return .nan
        }
        let change = value - previous
        previous = value
        changes += 1
        let n = Double(period)
        if changes <= period {
            if change < 0 { averageLoss -= change } else { averageGain += change }
            guard changes == period else { return .nan }
            averageLoss /= n
            averageGain /= n
        } else {
            averageLoss *= n - 1
            averageGain *= n - 1
            if change < 0 { averageLoss -= change } else { averageGain += change }
            averageLoss /= n
            averageGain /= n
        }
        return RSI.index(gain: averageGain, loss: averageLoss)
    }

    /// The RSI of `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        precondition(period >= 2, "RSI period must be >= 2, got \(period)")
        var out = Batch.undefined(values.count)
        let begin = Batch.firstValid(values)
        guard values.count - begin > period else { return out }
        let n = Double(period)
        var gain = 0.0
        var loss = 0.0
        for i in (begin + 1)...(begin + period) {
            let change = values[i] - values[i - 1]
            if change < 0 { loss -= change } else { gain += change }
        }
        loss /= n
        gain /= n
        out[begin + period] = index(gain: gain, loss: loss)
        for i in (begin + period + 1)..<values.count {
            let change = values[i] - values[i - 1]
            loss *= n - 1
            gain *= n - 1
            if change < 0 { loss -= change } else { gain += change }
            loss /= n
            gain /= n
            out[i] = index(gain: gain, loss: loss)
        }
        return out
    }

    private static func index(gain: Double, loss: Double) -> Double {
        let total = gain + loss
        return total != 0 ? 100.0 * (gain / total) : 0
    }
}
