/// Rate of change in percent (TA-Lib `ROC`): `(value / value[period bars ago] - 1) × 100`, and 0
/// when the old value is 0. The first output is at index `period`.
public struct ROC: Sendable {
    /// How many bars back the reference value is.
    public let period: Int
    private var window: RingBuffer

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "ROC period must be >= 1, got \(period)")
        self.period = period
        window = RingBuffer(capacity: period)
    }

    /// Index of the first defined output: `period`.
    public var lookback: Int { period }

    /// Adds the next value and returns the rate of change. Leading NaN inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ value: Double) -> Double {
        if window.count == 0 && value.isNaN { return .nan }
        guard let old = window.push(value) else { return .nan }
        return ROC.rate(value, from: old)
    }

    /// The rate of change of `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        precondition(period >= 1, "ROC period must be >= 1, got \(period)")
        var out = Batch.undefined(values.count)
        let begin = Batch.firstValid(values)
        guard values.count - begin > period else { return out }
        for i in (begin + period)..<values.count { out[i] = rate(values[i], from: values[i - period]) }
        return out
    }

    private static func rate(_ value: Double, from old: Double) -> Double {
        old != 0 ? ((value / old) - 1.0) * 100.0 : 0
    }
}
