/// The `knowledge_graph:` section.
public struct KnowledgeGraphConfig: Sendable, Hashable, Codable {
    /// Seconds between graph updates; default 3600.
    public var updateIntervalS = 3600
    /// Days of data kept; default 90.
    public var retentionDays = 90
    /// Query cache size in MB; default 100.
    public var queryCacheMB = 100

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case updateIntervalS = "update_interval_s", retentionDays = "retention_days", queryCacheMB = "query_cache_mb"
    }
}
