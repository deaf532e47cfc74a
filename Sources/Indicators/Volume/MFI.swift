import TradingModel

/// Money flow index (TA-Lib `MFI`), 0...100.
///
/// Money flow is typical price × volume; it counts as positive when the typical price rose from the
/// previous bar, negative when it fell, and not at all when it did not move (within TA-Lib's scaled
/// epsilon). `MFI = 100 × positive / (positive + negative)` over the last `period` flows, 0 when the
/// window holds no flow. As in TA-Lib 0.6+, a window of `period` empty flows resets the running
/// sums to exactly zero and the positive sum is clamped into [0, total]. The first output is at
/// index `period`.
public struct MFI: Sendable {
    /// Number of money flows in the window.
    public let period: Int
    private var positive: RingBuffer
    private var negative: RingBuffer
    private var positiveSum = 0.0
    private var negativeSum = 0.0
    private var previousTypical = 0.0
    private var hasPrevious = false
    private var flows = 0
    private var emptyRun = 0

    /// - Precondition: `period >= 2` (TA-Lib's minimum).
    public init(period: Int) {
        precondition(period >= 2, "MFI period must be >= 2, got \(period)")
        self.period = period
        positive = RingBuffer(capacity: period)
        negative = RingBuffer(capacity: period)
    }

    /// Index of the first defined output: `period`.
    public var lookback: Int { period }

    /// Adds the next bar and returns the MFI, or NaN until `period` flows were seen.
    ///
    /// - Complexity: O(1), allocation free.
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double {
        let typical = PriceMath.typicalPrice(high: high, low: low, close: close)
        guard hasPrevious else {
            previousTypical = typical
            hasPrevious = true
            return .nan
        }
        let change = typical - previousTypical
        let scale = abs(typical) + abs(previousTypical)
        previousTypical = typical
        let flow = PriceMath.isNegligible(change, scale: scale) ? 0 : typical * volume
        let positiveFlow = change < 0 ? 0 : flow
        let negativeFlow = change < 0 ? flow : 0
        if let old = positive.push(positiveFlow) { positiveSum -= old }
        if let old = negative.push(negativeFlow) { negativeSum -= old }
        positiveSum += positiveFlow
        negativeSum += negativeFlow
        emptyRun = flow == 0 ? emptyRun + 1 : 0
        if emptyRun >= period {
            emptyRun = period
            positiveSum = 0
            negativeSum = 0
        }
        flows += 1
        guard flows >= period else { return .nan }
        return MFI.index(positive: positiveSum, negative: negativeSum)
    }

    /// Adds the next bar and returns the MFI.
    public mutating func update(_ bar: Bar) -> Double {
        update(high: bar.high, low: bar.low, close: bar.close, volume: bar.volume)
    }

    /// The MFI over a whole series.
    ///
    /// - Complexity: O(count).
    public static func compute(_ bars: BarColumns, period: Int) -> [Double] {
        precondition(period >= 2, "MFI period must be >= 2, got \(period)")
        let count = bars.count
        var out = Batch.undefined(count)
        guard count > period else { return out }
        var positiveFlows = Batch.undefined(count)
        var negativeFlows = Batch.undefined(count)
        var previous = PriceMath.typicalPrice(high: bars.high[0], low: bars.low[0], close: bars.close[0])
        var positiveSum = 0.0
        var negativeSum = 0.0
        var emptyRun = 0
        for t in 1..<count {
            if t > period {
                positiveSum -= positiveFlows[t - period]
                negativeSum -= negativeFlows[t - period]
            }
            let typical = PriceMath.typicalPrice(high: bars.high[t], low: bars.low[t], close: bars.close[t])
            let change = typical - previous
            let scale = abs(typical) + abs(previous)
            previous = typical
            let flow = PriceMath.isNegligible(change, scale: scale) ? 0 : typical * bars.volume[t]
            positiveFlows[t] = change < 0 ? 0 : flow
            negativeFlows[t] = change < 0 ? flow : 0
            positiveSum += positiveFlows[t]
            negativeSum += negativeFlows[t]
            emptyRun = flow == 0 ? emptyRun + 1 : 0
            if emptyRun >= period {
                emptyRun = period
                positiveSum = 0
                negativeSum = 0
            }
            if t >= period { out[t] = index(positive: positiveSum, negative: negativeSum) }
        }
        return out
    }

    private static func index(positive: Double, negative: Double) -> Double {
        let total = positive + negative
        let clamped = positive < 0 ? 0 : (positive > total ? total : positive)
        return total <= 0 ? 0 : 100.0 * (clamped / total)
    }
}
