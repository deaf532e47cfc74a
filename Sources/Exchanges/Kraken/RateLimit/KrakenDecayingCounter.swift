/// A counter that rises by each call's cost and decays linearly, floored at zero: Kraken's model for both the
/// REST call counter and the per-pair trading counter.
///
/// ``reserve(cost:now:)`` books a call at once and returns how long the caller must wait before sending it so
/// that, when it is sent, the counter is at most `limit`. Booking in order makes waiters first come, first
/// served, with no thundering herd. Plain value type; the actors around it make it safe to share.
///
/// - Complexity: O(1) per call, no allocation.
public struct KrakenDecayingCounter: Sendable, Hashable {
    /// The highest value the counter may have when a call is sent.
    public let limit: Double
    /// Decrease per second.
    public let decayPerSecond: Double
    /// The counter's value at `updatedAt`, including booked calls that may still be waiting.
    public private(set) var value: Double = 0
    /// Seconds on the caller's monotonic clock when `value` was last brought up to date.
    public private(set) var updatedAt: Double = 0

    public init(limit: Double, decayPerSecond: Double) {
        precondition(limit > 0 && decayPerSecond > 0, "a Kraken counter needs a positive limit and decay")
        self.limit = limit
        self.decayPerSecond = decayPerSecond
    }

    /// Books a call of `cost` at time `now` (seconds); returns the seconds to wait before sending it.
    public mutating func reserve(cost: Double, now: Double) -> Double {
        decay(to: now)
        value += cost
        return max(0, (value - limit) / decayPerSecond)
    }

    /// The value at `now` if nothing else is booked.
    public func value(at now: Double) -> Double {
        max(0, value - max(0, now - updatedAt) * decayPerSecond)
    }

    private mutating func decay(to now: Double) {
        if now > updatedAt {
            value = max(0, value - (now - updatedAt) * decayPerSecond)
            updatedAt = now
        }
    }
}
