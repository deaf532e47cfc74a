/// Double exponential moving average `2 * EMA(x) - EMA(EMA(x))` (TA-Lib `DEMA`).
///
/// The inner EMA of the EMA is seeded on the first `period` defined EMA values, as in TA-Lib, so the
/// first output is at index `2 * (period - 1)`.
public struct DEMA: Sendable {
    /// Period of both EMAs.
    public let period: Int
    private var first: EMA
    private var second: EMA

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "DEMA period must be >= 1, got \(period)")
        self.period = period
        first = EMA(period: period)
        second = EMA(period: period)
    }

    /// Index of the first defined output: `2 * (period - 1)`.
    public var lookback: Int { 2 * (period - 1) }

    /// Adds the next value and returns the DEMA, or NaN during the warm-up. Leading NaN
    /// inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ value: Double) -> Double {
        let ema1 = first.update(value)
        guard !ema1.isNaN else { return .nan }
        let ema2 = second.update(ema1)
        guard !ema2.isNaN else { return .nan }
        return 2.0 * ema1 - ema2
    }

    /// The DEMA of `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        precondition(period >= 1, "DEMA period must be >= 1, got \(period)")
        let ema1 = EMA.compute(values, period: period)
        let ema2 = EMA.compute(ema1, period: period)
        var out = Batch.undefined(values.count)
        for i in out.indices where !ema2[i].isNaN { out[i] = 2.0 * ema1[i] - ema2[i] }
        return out
    }
}
