import TradingModel

/// Aggregates bars of a base timeframe into a higher timeframe.
///
/// Buckets are aligned to UTC epoch multiples of the target (weeks start Monday 00:00 UTC, see
/// ``TradingModel/Timeframe/bucketStart(containing:)``). Each output bar takes the first open, the highest high,
/// the lowest low, the last close and the summed volume of the base bars in its bucket, and is stamped with the
/// bucket's open time. Buckets with missing base bars (gaps) are still emitted from the bars present.
public struct Resampler: Sendable {
    /// What to do with a last bucket that the data does not fill up to its end.
    public enum IncompleteBucket: Sendable, Hashable {
        /// Leave it out (the default: every output bar is final).
        case drop
        /// Keep it and set ``ResampledBars/lastIsIncomplete``.
        case keep
    }

    /// Timeframe of the input bars, used to tell whether the last bucket is complete.
    public var base: Timeframe
    /// Timeframe of the output bars.
    public var target: Timeframe
    /// Treatment of a trailing incomplete bucket.
    public var incomplete: IncompleteBucket

    /// - Throws: ``MarketDataError/invalidParameter(name:value:expected:)`` when `target` is not a whole
    ///   multiple of `base`.
    public init(base: Timeframe, target: Timeframe, incomplete: IncompleteBucket = .drop) throws(MarketDataError) {
        guard target.seconds % base.seconds == 0 else {
            throw .invalidParameter(name: "target timeframe", value: target.description,
                                    expected: "a whole multiple of the base timeframe \(base)")
        }
        self.base = base
        self.target = target
        self.incomplete = incomplete
    }

    /// Resamples bars sorted by ascending time.
    ///
    /// - Complexity: O(n), one output allocation.
    public func resample(_ bars: [Bar]) -> ResampledBars {
        var output: [Bar] = []
        output.reserveCapacity(bars.count / max(1, Int(target.seconds / base.seconds)) + 1)
        guard var current = bars.first else { return ResampledBars(bars: [], lastIsIncomplete: false) }
        var bucket = target.bucketStart(containing: current.time)
        current.time = bucket
        for bar in bars.dropFirst() {
            let start = target.bucketStart(containing: bar.time)
            if start == bucket {
                current.high = max(current.high, bar.high)
                current.low = min(current.low, bar.low)
                current.close = bar.close
                current.volume += bar.volume
            } else {
                output.append(current)
                bucket = start
                current = bar
                current.time = start
            }
        }
        let lastEnd = bars[bars.count - 1].time + base.milliseconds
        let complete = lastEnd >= bucket + target.milliseconds
        if complete || incomplete == .keep { output.append(current) }
        return ResampledBars(bars: output, lastIsIncomplete: !complete && incomplete == .keep)
    }
}
