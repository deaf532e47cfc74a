/// Population standard deviation of the last `period` values, streaming and batch.
///
/// The window's sums of deviations and squared deviations are kept relative to an anchor (a recent
/// value of the window) and recomputed exactly from the window every `period` values. Anchoring
/// avoids the catastrophic cancellation of `E[x²] - E[x]²` on raw prices (which loses ~8 digits on a
/// quiet market at price 100), and the recomputation bounds rounding drift on endless streams. A
/// window of identical values has deviation exactly 0, as in TA-Lib.
struct MovingStandardDeviation: Sendable {
    let period: Int
    private var window: RingBuffer
    private var anchor = 0.0
    private var sum = 0.0
    private var sumOfSquares = 0.0
    private var sinceRecompute: Int
    private var previous = Double.nan
    private var equalRun = 0

    init(period: Int) {
        precondition(period >= 1, "standard deviation period must be >= 1, got \(period)")
        self.period = period
        window = RingBuffer(capacity: period)
        sinceRecompute = period
    }

    /// Adds the next value and returns the deviation, or NaN until `period` values were seen.
    ///
    /// - Complexity: amortized O(1) (an O(period) recomputation every `period` values).
    mutating func update(_ value: Double) -> Double {
        equalRun = value == previous ? equalRun + 1 : 0
        previous = value
        let evicted = window.push(value)
        guard window.isFull else { return .nan }
        if sinceRecompute == period {
            anchor = value
            sum = 0
            sumOfSquares = 0
            for i in 0..<period {
                let deviation = window[i] - anchor
                sum += deviation
                sumOfSquares += deviation * deviation
            }
            sinceRecompute = 0
        } else {
            let added = value - anchor
            let removed = (evicted ?? anchor) - anchor
            sum += added - removed
            sumOfSquares += added * added - removed * removed
        }
        sinceRecompute += 1
        return MovingStandardDeviation.deviation(sum: sum, sumOfSquares: sumOfSquares,
                                                 period: period, flat: equalRun >= period - 1)
    }

    /// The moving standard deviation of `values` from index `start` on (NaN before
    /// `start + period - 1`).
    ///
    /// - Complexity: O(values.count).
    static func compute(_ values: [Double], period: Int, from start: Int) -> [Double] {
        var out = Batch.undefined(values.count)
        guard values.count - start >= period else { return out }
        var anchor = 0.0
        var sum = 0.0
        var sumOfSquares = 0.0
        var sinceRecompute = period
        var equalRun = 0
        for t in start..<values.count {
            if t > start { equalRun = values[t] == values[t - 1] ? equalRun + 1 : 0 }
            guard t >= start + period - 1 else { continue }
            if sinceRecompute == period {
                anchor = values[t]
                sum = 0
                sumOfSquares = 0
                for i in (t - period + 1)...t {
                    let deviation = values[i] - anchor
                    sum += deviation
                    sumOfSquares += deviation * deviation
                }
                sinceRecompute = 0
            } else {
                let added = values[t] - anchor
                let removed = values[t - period] - anchor
                sum += added - removed
                sumOfSquares += added * added - removed * removed
            }
            sinceRecompute += 1
            out[t] = deviation(sum: sum, sumOfSquares: sumOfSquares, period: period, flat: equalRun >= period - 1)
        }
        return out
    }

    private static func deviation(sum: Double, sumOfSquares: Double, period: Int, flat: Bool) -> Double {
        if flat { return 0 }
        let n = Double(period)
        let mean = sum / n
        let variance = sumOfSquares / n - mean * mean
        return variance > 0 ? variance.squareRoot() : 0
    }
}
