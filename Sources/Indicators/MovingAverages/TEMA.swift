/// Triple exponential moving average `3 * EMA1 - 3 * EMA2 + EMA3`, where each EMA smooths the
/// previous one (TA-Lib `TEMA`).
///
/// Each inner EMA is seeded on the first `period` defined values of the one before, as in TA-Lib, so
/// the first output is at index `3 * (period - 1)`.
public struct TEMA: Sendable {
    /// Period of the three EMAs.
    public let period: Int
    private var first: EMA
    private var second: EMA
    private var third: EMA

    /// - Precondition: `period >= 1`.
    public init(period: Int) {
        precondition(period >= 1, "TEMA period must be >= 1, got \(period)")
        self.period = period
        first = EMA(period: period)
        second = EMA(period: period)
        third = EMA(period: period)
    }

    /// Index of the first defined output: `3 * (period - 1)`.
    public var lookback: Int { 3 * (period - 1) }

    /// Adds the next value and returns the TEMA, or NaN during the warm-up. Leading NaN
    /// inputs are ignored.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(_ value: Double) -> Double {
        let ema1 = first.update(value)
        guard !ema1.isNaN else { return .nan }
        let ema2 = second.update(ema1)
        guard !ema2.isNaN else { return .nan }
        let ema3 = third.update(ema2)
        guard !ema3.isNaN else { return .nan }
        return ema3 + (3.0 * ema1 - 3.0 * ema2)
    }

    /// The TEMA of `values` (leading NaNs are skipped).
    ///
    /// - Complexity: O(values.count).
    public static func compute(_ values: [Double], period: Int) -> [Double] {
        precondition(period >= 1, "TEMA period must be >= 1, got \(period)")
        let ema1 = EMA.compute(values, period: period)
        let ema2 = EMA.compute(ema1, period: period)
        let ema3 = EMA.compute(ema2, period: period)
        var out = Batch.undefined(values.count)
        for i in out.indices where !ema3[i].isNaN { out[i] = ema3[i] + (3.0 * ema1[i] - 3.0 * ema2[i]) }
        return out
    }
}
