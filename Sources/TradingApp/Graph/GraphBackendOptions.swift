import ArgumentParser
import BoltClient
import Foundation
import KnowledgeGraph
import Persistence

/// Chooses the graph backend: the embedded store in the SQLite file (`--db`, default) or Neo4j over Bolt when a
/// URL is given (`--neo4j-url` or `GRAPHWIZ_NEO4J_URL`, with `_USER` / `_PASSWORD`).
struct GraphBackendOptions: ParsableArguments {
    @Option(help: "Database file of the embedded graph (default: $GRAPHWIZ_DB or data/graphwiz.sqlite).")
    var db: String?

    @Option(name: .customLong("neo4j-url"), help: "Use Neo4j at this Bolt URL (bolt://, bolt+s://, bolt+ssc://) instead; default $GRAPHWIZ_NEO4J_URL.")
    var neo4jURL: String?

    @Option(name: .customLong("neo4j-user"), help: "Neo4j user (default: $GRAPHWIZ_NEO4J_USER or neo4j).")
    var neo4jUser: String?

    @Option(name: .customLong("neo4j-password"), help: "Neo4j password (default: $GRAPHWIZ_NEO4J_PASSWORD).")
    var neo4jPassword: String?

    @Option(name: .customLong("neo4j-database"), help: "Neo4j database (FalkorDB: graph) name (default: the server's).")
    var neo4jDatabase: String?

    @Option(name: .customLong("neo4j-batch-rows"), help: "Rows per UNWIND statement (1000; use 5 for FalkorDB's Bolt endpoint).")
    var neo4jBatchRows = 1_000

    /// The Neo4j URL in effect, or nil for the embedded store.
    func resolvedNeo4jURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let neo4jURL, !neo4jURL.isEmpty { return neo4jURL }
        if let url = environment["GRAPHWIZ_NEO4J_URL"], !url.isEmpty { return url }
        return nil
    }

    /// Opens the selected store, runs `body` and closes it again. `embeddedPath` replaces the default file
    /// when `--db` is not given.
    func withStore<T: Sendable>(embeddedPath: String? = nil, _ body: (any GraphStore) async throws -> T) async throws -> T {
        let environment = ProcessInfo.processInfo.environment
        if let url = resolvedNeo4jURL(environment: environment) {
            let user = neo4jUser ?? environment["GRAPHWIZ_NEO4J_USER"] ?? "neo4j"
            let password = neo4jPassword ?? environment["GRAPHWIZ_NEO4J_PASSWORD"] ?? ""
            let configuration: BoltConfiguration
            do {
                configuration = try BoltConfiguration(url: url, auth: .basic(user: user, password: password),
                                                      userAgent: "graphwiz/0.1")
            } catch {
                throw ValidationError("--neo4j-url \(url) is not a Bolt URL (bolt://host:7687): \(error)")
            }
            let pool = BoltConnectionPool(configuration: configuration)
            do {
                let (store, _) = try await Neo4jGraphStore.connect(pool: pool, database: neo4jDatabase,
                                                                   rowsPerStatement: neo4jBatchRows)
                let result = try await body(store)
                await pool.close()
                return result
            } catch {
                await pool.close()
                throw error
            }
        }
        let path = db.flatMap { $0.isEmpty ? nil : $0 } ?? embeddedPath ?? StoreLocation.resolve(option: db)
        return try await SQLStore.withStore(path: path, migrations: EmbeddedGraphStore.migrations) { store in
            try await body(EmbeddedGraphStore(store: store))
        }
    }
}
