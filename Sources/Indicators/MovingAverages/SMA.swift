/// Simple moving average: the mean of the last `period` values (TA-Lib `SMA`).
///
/// Uses TA-Lib's running total (add the new value, output, subtract the value leaving the window),
/// so results are bit-for-bit TA-Lib's.
///
/// ```swift
/// var sma = SMA(period: 3)
/// [1.0, 2, 3, 4].map { sma.update($0) }  // [nan, nan, 2, 3]
/// ```
public struct SMA: Sendable {
    /// Number of values averaged.
    public let period: Int
    private var window: RingBuffer
    private var total = 0.0

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "SMA period must be >= 1, got \(period)")
        self.period = period
        window = RingBuffer(capacity: period)
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next value and returns the average, or NaN until `period` values were seen. Leading
    /// NaN inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ value: Double) -> Double {
        if window.count == 0 && value.isNaN { return .nan }
        window.push(value)
        total += value
        guard window.isFull else { return .nan }
        let average = total / Double(period)
        total -= window.oldest
        return average
    }

    /// The SMA of every prefix of `values`; NaN before index `firstValid + period - 1`, where
    /// `firstValid` is the index of the first non-NaN value (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        precondition(period >= 1, "SMA period must be >= 1, got \(period)")
        var out = Batch.undefined(values.count)
        let begin = Batch.firstValid(values)
        guard values.count - begin >= period else { return out }
        let divisor = Double(period)
        var total = 0.0
        for i in begin..<(begin + period - 1) { total += values[i] }
        var trailing = begin
        for i in (begin + period - 1)..<values.count {
            total += values[i]
            out[i] = total / divisor
            total -= values[trailing]
            trailing += 1
        }
        return out
    }
}
