/// The `neo4j:` section: the knowledge-graph connection.
public struct Neo4jConfig: Sendable, Hashable, Codable {
    /// Whether the graph is used at all; default false.
    public var enabled = false
    /// Bolt URI; default `bolt://localhost:7687`.
    public var uri = "bolt://localhost:7687"
    /// User name; default `neo4j`.
    public var user = "neo4j"
    /// Password (a secret); default empty.
    public var password = ""
    /// Database name; default `neo4j`.
    public var database = "neo4j"
    /// Connection pool size; default 50.
    public var poolSize = 50
    /// Seconds a pooled connection lives; default 3600.
    public var maxLifetimeS = 3600
    /// Seconds to wait for a pooled connection; default 60.
    public var acquireTimeoutS = 60
    /// Rows per `UNWIND` write statement; default 1000 (FalkorDB's Bolt endpoint needs 5).
    public var batchRows = 1_000

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case enabled, uri, user, password, database, poolSize = "pool_size", maxLifetimeS = "max_lifetime_s"
        case acquireTimeoutS = "acquire_timeout_s", batchRows = "batch_rows"
    }
}
