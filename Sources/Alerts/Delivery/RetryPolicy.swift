/// How often and how patiently a notification is retried: exponential backoff between attempts, a timeout
/// per attempt.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, at least 1; default 3.
    public var maxAttempts: Int
    /// Wait before the second attempt; default 500 ms.
    public var initialBackoff: Duration
    /// Factor applied to the wait after each failed attempt; default 2.
    public var multiplier: Double
    /// Longest wait between attempts, also the cap on a server's `Retry-After`; default 30 s.
    public var maxBackoff: Duration
    /// Time limit of one attempt; default 10 s.
    public var timeout: Duration

    /// A policy; every argument defaults to the shipped default.
    public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(500), multiplier: Double = 2,
                maxBackoff: Duration = .seconds(30), timeout: Duration = .seconds(10)) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maxBackoff = maxBackoff
        self.timeout = timeout
    }

    /// The wait after failed attempt `attempt` (1-based): `initialBackoff * multiplier^(attempt-1)`, at least
    /// the server's `retryAfter`, at most `maxBackoff`.
    public func backoff(afterAttempt attempt: Int, retryAfter: Duration? = nil) -> Duration {
        var wait = initialBackoff
        for _ in 1..<max(1, attempt) { wait = wait * multiplier }
        if let retryAfter, retryAfter > wait { wait = retryAfter }
        return min(wait, maxBackoff)
    }
}
