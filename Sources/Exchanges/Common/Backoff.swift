/// Exponential reconnect backoff with a cap: `initial * multiplier^attempt`, at most `maximum`.
public struct Backoff: Sendable, Hashable {
    /// First delay.
    public var initial: Duration
    /// Largest delay.
    public var maximum: Duration
    /// Growth factor per failed attempt.
    public var multiplier: Double

    /// Creates a policy.
    public init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(30), multiplier: Double = 2) {
        self.initial = initial
        self.maximum = maximum
        self.multiplier = multiplier
    }

    /// The delay before reconnect attempt `attempt` (0 for the first retry).
    public func delay(attempt: Int) -> Duration {
        var delay = initial
        for _ in 0..<max(0, min(attempt, 64)) {
            delay = delay * multiplier
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }
}
