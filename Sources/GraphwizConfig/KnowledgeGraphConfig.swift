/// The `knowledge_graph:` section.
public struct KnowledgeGraphConfig: Sendable, Hashable, Codable {
    /// Seconds between graph updates; default 3600.
    public var updateIntervalS = 3600
    /// Days of data kept; default 90.
    public var retentionDays = 90
    /// Query cache size in MB; default 100.
    public var queryCacheMB = 100
    /// Where `graphwiz serve` keeps the graph (provenance and the updater); default `auto`.
    public var backend = KnowledgeGraphBackend.auto

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case updateIntervalS = "update_interval_s", retentionDays = "retention_days", queryCacheMB = "query_cache_mb"
        case backend
    }

    /// The backend in force: `auto` is `neo4j` when `neo4j.enabled` is true, else `embedded`.
    public func resolvedBackend(neo4j: Neo4jConfig) -> KnowledgeGraphBackend {
        backend == .auto ? (neo4j.enabled ? .neo4j : .embedded) : backend
    }
}

/// `knowledge_graph.backend`: where the service's knowledge graph lives.
public enum KnowledgeGraphBackend: String, Sendable, Hashable, Codable, CaseIterable {
    /// `neo4j` when `neo4j.enabled` is true, else `embedded`.
    case auto
    /// In the SQLite store (`database.url`); needs a SQLite store.
    case embedded
    /// Neo4j (or FalkorDB) over Bolt, with the `neo4j:` section's connection and pool.
    case neo4j
    /// No graph: no provenance, no updater.
    case off
}
