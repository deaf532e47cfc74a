import Synchronization

/// Per-client token buckets: `perMinute` requests a minute on average, bursts of `burst` above it.
///
/// A client's bucket holds `burst` tokens at rest, so a fresh client gets `burst` requests at once and then
/// `perMinute` a minute. Buckets idle long enough to be full again are dropped once the table passes
/// `maxClients`, bounding memory.
public final class RateLimiter: Sendable {
    private let buckets = Mutex<[String: TokenBucket]>([:])
    private let capacity: Double
    private let ratePerSecond: Double
    private let maxClients: Int
    private let clock: @Sendable () -> Double

    /// A limiter; `clock` returns seconds (monotonic by default).
    public init(perMinute: Int, burst: Int, maxClients: Int = 100_000,
                clock: @escaping @Sendable () -> Double = { RateLimiter.monotonicSeconds() }) {
        self.capacity = Double(max(1, burst))
        self.ratePerSecond = Double(perMinute) / 60
        self.maxClients = maxClients
        self.clock = clock
    }

    /// Takes one request for `client`: nil when allowed, else the seconds to wait.
    public func acquire(client: String) -> Double? {
        let now = clock()
        return buckets.withLock { table in
            if table.count >= maxClients, table[client] == nil {
                let idle = capacity / ratePerSecond
                table = table.filter { now - $0.value.updatedAt < idle }
            }
            var bucket = table[client] ?? TokenBucket(capacity: capacity, ratePerSecond: ratePerSecond, now: now)
            let wait = bucket.take(now: now)
            table[client] = bucket
            return wait
        }
    }

    /// Seconds since the first call, from a monotonic clock.
    public static func monotonicSeconds() -> Double {
        let elapsed = ContinuousClock.now - reference
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private static let reference = ContinuousClock.now
}
