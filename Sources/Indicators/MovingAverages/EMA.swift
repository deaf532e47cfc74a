/// Exponential moving average with smoothing `k = 2 / (period + 1)` (TA-Lib `EMA`).
///
/// Seeded, as TA-Lib does, with the simple average of the first `period` values (the first output,
/// at index `period - 1`); after that `ema += (value - ema) * k`, computed as one fused
/// multiply-add exactly like TA-Lib, so results are bit-for-bit TA-Lib's.
public struct EMA: Sendable {
    /// Number of values of the seed average; sets `k`.
    public let period: Int
    /// Smoothing factor `2 / (period + 1)`.
    public let k: Double
    private var seen = 0
    private var seedTotal = 0.0
    private var value = Double.nan

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "EMA period must be >= 1, got \(period)")
        self.period = period
        k = 2.0 / Double(period + 1)
    }

    /// Index of the first defined output: `period - 1`.
    public var lookback: Int { period - 1 }

    /// Adds the next value and returns the average, or NaN until `period` values were seen. Leading
    /// NaN inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ input: Double) -> Double {
        if seen < period {
            if seen == 0 && input.isNaN { return .nan }
            seen += 1
            seedTotal += input
            if seen < period { return .nan }
            value = seedTotal / Double(period)
            return value
        }
        value = value.addingProduct(input - value, k)
        return value
    }

    /// The EMA of `values`; NaN before index `firstValid + period - 1` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        compute(values, period: period, from: Batch.firstValid(values))
    }

    /// The EMA seeded with the average of `values[start ..< start + period]`.
    static func compute(_ values: [Double], period: Int, from start: Int) -> [Double] {
        precondition(period >= 1, "EMA period must be >= 1, got \(period)")
        var out = Batch.undefined(values.count)
        guard start >= 0, values.count - start >= period else { return out }
        let k = 2.0 / Double(period + 1)
        var total = 0.0
        for i in start..<(start + period) { total += values[i] }
        var ema = total / Double(period)
        out[start + period - 1] = ema
        for i in (start + period)..<values.count {
            ema = ema.addingProduct(values[i] - ema, k)
            out[i] = ema
        }
        return out
    }
}
