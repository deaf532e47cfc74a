import TradingModel

/// Builds higher-timeframe bars from base bars fed one at a time, without look-ahead.
///
/// A higher-timeframe bar becomes visible only when its bucket has closed: when the base bar that ends exactly
/// at the bucket end is fed, or when a base bar of a later bucket arrives (after a gap). Until then the forming
/// bar is available as ``forming`` but never returned from ``push(_:)``. Multi-timeframe strategies keep one
/// resampler per higher timeframe and feed each the same base bars.
///
/// - Complexity: ``push(_:)`` is O(1) and allocation free.
public struct StreamingResampler: Sendable {
    /// Timeframe of the bars fed in.
    public let base: Timeframe
    /// Timeframe of the bars emitted.
    public let target: Timeframe
    /// The bucket being filled, stamped with its open time; nil before the first bar and right after a close.
    public private(set) var forming: Bar?
    /// The most recently closed higher-timeframe bar.
    public private(set) var lastClosed: Bar?
    /// Bars ignored because they were older than the bucket being filled (out of order or duplicates of a
    /// closed bucket).
    public private(set) var droppedBars = 0

    private var bucket: Int64 = .min
    private var lastBaseTime: Int64 = .min

    /// - Throws: ``MarketDataError/invalidParameter(name:value:expected:)`` when `target` is not a whole
    ///   multiple of `base`.
    public init(base: Timeframe, target: Timeframe) throws(MarketDataError) {
        guard target.seconds % base.seconds == 0 else {
            throw .invalidParameter(name: "target timeframe", value: target.description,
                                    expected: "a whole multiple of the base timeframe \(base)")
        }
        self.base = base
        self.target = target
    }

    /// Feeds the next base bar and returns the higher-timeframe bars that closed because of it: none, one, or
    /// two (the bucket a gap closed and, if this bar also ends its own bucket, that one too).
    public mutating func push(_ bar: Bar) -> ClosedBars {
        guard bar.time > lastBaseTime else {
            droppedBars += 1
            return ClosedBars()
        }
        lastBaseTime = bar.time
        var closed = ClosedBars()
        let start = target.bucketStart(containing: bar.time)
        if var current = forming, start == bucket {
            current.high = max(current.high, bar.high)
            current.low = min(current.low, bar.low)
            current.close = bar.close
            current.volume += bar.volume
            forming = current
        } else {
            if let current = forming {
                closed.append(current)
                lastClosed = current
            }
            bucket = start
            var fresh = bar
            fresh.time = start
            forming = fresh
        }
        if bar.time + base.milliseconds >= bucket + target.milliseconds, let current = forming {
            closed.append(current)
            lastClosed = current
            forming = nil
        }
        return closed
    }

    /// Ends the stream: returns the incomplete forming bar, if any, and clears it.
    public mutating func flush() -> Bar? {
        defer { forming = nil }
        return forming
    }
}
