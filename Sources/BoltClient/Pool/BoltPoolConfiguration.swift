import NIOCore

/// Limits and retry policy of a ``BoltConnectionPool``.
public struct BoltPoolConfiguration: Sendable {
    /// Most connections open at once (idle plus leased plus being opened). Default 50.
    public var maxConnections: Int
    /// Connections older than this are closed instead of reused. Default 3600 s.
    public var maxLifetime: TimeAmount
    /// How long ``BoltConnectionPool/withConnection(_:)`` waits for a free connection. Default 60 s.
    public var acquireTimeout: TimeAmount
    /// Delays before each retry of a managed transaction; its length is the number of retries after
    /// the first attempt. Default 1 s, 2 s, 4 s (exponential backoff).
    public var retryDelays: [Duration]

    /// Creates a pool configuration.
    /// - Precondition: `maxConnections` > 0.
    public init(maxConnections: Int = 50, maxLifetime: TimeAmount = .seconds(3600),
                acquireTimeout: TimeAmount = .seconds(60),
                retryDelays: [Duration] = [.seconds(1), .seconds(2), .seconds(4)]) {
        precondition(maxConnections > 0, "BoltPoolConfiguration.maxConnections must be > 0, got \(maxConnections)")
        self.maxConnections = maxConnections
        self.maxLifetime = maxLifetime
        self.acquireTimeout = acquireTimeout
        self.retryDelays = retryDelays
    }

    /// A pool configuration in whole seconds (for configuration files: `neo4j.pool_size`, `max_lifetime_s`,
    /// `acquire_timeout_s`); values below 1 are raised to 1.
    public init(maxConnections: Int, maxLifetimeSeconds: Int, acquireTimeoutSeconds: Int) {
        self.init(maxConnections: max(1, maxConnections), maxLifetime: .seconds(Int64(max(1, maxLifetimeSeconds))),
                  acquireTimeout: .seconds(Int64(max(1, acquireTimeoutSeconds))))
    }
}
