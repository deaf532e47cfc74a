/// A token bucket: holds up to `capacity` tokens, refills at `ratePerSecond`, each request takes one.
///
/// Plain value type driven by the caller's clock (seconds), so tests need no sleeping.
/// - Complexity: O(1) per request.
public struct TokenBucket: Sendable, Hashable {
    /// Maximum tokens (the burst).
    public let capacity: Double
    /// Tokens added per second.
    public let ratePerSecond: Double
    /// Tokens now available.
    public private(set) var tokens: Double
    /// Time of the last refill, seconds.
    public private(set) var updatedAt: Double

    /// A full bucket at time `now`.
    public init(capacity: Double, ratePerSecond: Double, now: Double) {
        self.capacity = capacity
        self.ratePerSecond = ratePerSecond
        self.tokens = capacity
        self.updatedAt = now
    }

    /// Takes one token at `now`: nil when granted, else the seconds until one is available.
    public mutating func take(now: Double) -> Double? {
        if now > updatedAt {
            tokens = min(capacity, tokens + (now - updatedAt) * ratePerSecond)
            updatedAt = now
        }
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return (1 - tokens) / ratePerSecond
    }
}
