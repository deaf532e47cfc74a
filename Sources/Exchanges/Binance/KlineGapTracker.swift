/// Keeps a closed-bar stream gap-free and duplicate-free: remembers the last bar delivered and says which
/// range must be backfilled over REST when a later bar (or a reconnect) skips ahead.
public struct KlineGapTracker: Sendable, Hashable {
    /// Bar length in ms.
    public let step: Int64
    /// Open time of the last bar delivered.
    public private(set) var lastTime: Int64?

    /// Creates a tracker for bars `step` ms apart.
    public init(step: Int64, lastTime: Int64? = nil) {
        self.step = step
        self.lastTime = lastTime
    }

    /// What to do with a closed bar opening at `time`.
    public enum Decision: Sendable, Hashable {
        /// Already delivered: drop it.
        case duplicate
        /// Deliver it.
        case deliver
        /// Fetch bars opening in `from...to` first, then deliver it.
        case backfill(from: Int64, to: Int64)
    }

    /// The decision for a closed bar opening at `time` (does not record it).
    public func decide(_ time: Int64) -> Decision {
        guard let lastTime else { return .deliver }
        if time <= lastTime { return .duplicate }
        if time > lastTime + step { return .backfill(from: lastTime + step, to: time - step) }
        return .deliver
    }

    /// Records that the bar opening at `time` was delivered.
    public mutating func delivered(_ time: Int64) {
        if lastTime.map({ time > $0 }) ?? true { lastTime = time }
    }
}
