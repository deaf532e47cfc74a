import TradingModel

/// Turns the WebSocket v2 `ohlc` channel (repeated updates of the forming candle) into closed bars, and says
/// when bars must be fetched over REST: after a reconnect, or when candles were skipped.
///
/// Pure value type: the stream around it performs the backfill and reports the bars it emitted.
/// - Complexity: O(1) per update, no allocation.
public struct KrakenBarAssembler: Sendable {
    /// What to do after an update.
    public struct Step: Sendable, Hashable {
        /// A bar that just closed, to emit.
        public var closed: Bar?
        /// Bars with `after < time < before` must be fetched over REST and emitted (after `closed`).
        public var backfill: (after: Int64, before: Int64)? {
            backfillAfter.map { ($0, backfillBefore) }
        }
        var backfillAfter: Int64?
        var backfillBefore: Int64 = 0
    }

    /// Bar length in ms.
    public let intervalMillis: Int64
    /// The candle still forming.
    public private(set) var current: Bar?
    /// Open time of the last bar emitted.
    public private(set) var lastEmitted: Int64?
    private var reconnected = false

    public init(intervalMillis: Int64) { self.intervalMillis = intervalMillis }

    /// Call after a reconnect: updates may have been missed, so the forming candle is no longer trusted.
    public mutating func markReconnected() { reconnected = true }

    /// Call for every bar emitted from a backfill.
    public mutating func didEmit(time: Int64) { lastEmitted = max(lastEmitted ?? time, time) }

    /// Feeds one candle update (`time` = interval begin in ms).
    public mutating func update(_ bar: Bar) -> Step {
        var step = Step()
        if let last = lastEmitted, bar.time <= last { return step }
        guard let forming = current else {
            current = bar
            if reconnected, let last = lastEmitted, bar.time > last + intervalMillis {
                step.backfillAfter = last
                step.backfillBefore = bar.time
            }
            reconnected = false
            return step
        }
        if bar.time < forming.time { return step }
        if bar.time == forming.time {
            current = bar
            if reconnected { reconnected = false }
            return step
        }
        // A later candle began: the forming one closed.
        current = bar
        if reconnected {
            // Its last updates may be lost: fetch it and anything after it from REST.
            step.backfillAfter = lastEmitted ?? (forming.time - 1)
            step.backfillBefore = bar.time
            reconnected = false
            return step
        }
        step.closed = forming
        lastEmitted = forming.time
        if bar.time > forming.time + intervalMillis {
            step.backfillAfter = forming.time
            step.backfillBefore = bar.time
        }
        return step
    }
}
