/// The `performance:` section.
public struct PerformanceConfig: Sendable, Hashable, Codable {
    /// Worker threads; 0 (the default) uses one per core.
    public var workerThreads = 0
    /// Store connection pool size; default 10.
    public var connectionPoolSize = 10
    /// Query cache size in MB; default 64.
    public var queryCacheMB = 64

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case workerThreads = "worker_threads", connectionPoolSize = "connection_pool_size", queryCacheMB = "query_cache_mb"
    }
}
