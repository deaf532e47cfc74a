import ArgumentParser
import BoltClient
import GraphwizConfig
import KnowledgeGraph
import Logging
import Persistence
import ServiceLifecycle
import TradingAPI

/// The knowledge graph of `graphwiz serve`, on the backend `knowledge_graph.backend` selects: the embedded graph
/// in the SQLite store, Neo4j (or FalkorDB) over Bolt with the `neo4j:` section's connection and pool, or none.
/// It holds the provenance writer (signals, risk checks, orders and fills of every session) and feeds the
/// graph updater; ``health()`` is the `graph` component of `/health` and `/ready`. `graphwiz trade` opens its
/// graph through ``open(config:database:sql:runId:logger:)`` too (``TradeProvenance``).
struct ServeGraph: Sendable {
    /// The backend in force (`embedded`, `neo4j` or `off`; never `auto`).
    let backend: KnowledgeGraphBackend
    /// The graph; nil when off.
    let store: (any GraphStore)?
    /// The provenance writer; nil when off.
    let provenance: ProvenanceWriter?
    /// The Bolt pool of the Neo4j backend (closed by the pool service after the writer flushed).
    let pool: BoltConnectionPool?
    /// Where the graph is, or why there is none (for logs and health).
    let location: String

    /// Opens the configured backend. Neo4j is connected and its schema prepared here, so a server that cannot
    /// be reached or refuses the credentials stops start-up with an error naming the key to fix.
    /// - Throws: `ValidationError` for an unreachable Neo4j, failed authentication, a bad URI, or
    ///   `knowledge_graph.backend: embedded` with a PostgreSQL store.
    static func open(config: AppConfiguration, database: DatabaseLocation, sql: SQLStore, runId: String,
                     logger: Logger) async throws -> ServeGraph {
        let backend = config.knowledgeGraph.resolvedBackend(neo4j: config.neo4j)
        switch backend {
        case .off, .auto:
            return ServeGraph(backend: .off, store: nil, provenance: nil, pool: nil,
                              location: "off (knowledge_graph.backend: off)")
        case .embedded:
            guard case let .sqlite(path) = database else {
                if config.knowledgeGraph.backend == .embedded {
                    throw ValidationError("knowledge_graph.backend: embedded keeps the graph in a SQLite store, but "
                        + "database.url is PostgreSQL; set knowledge_graph.backend: neo4j (with the neo4j: section) "
                        + "or off")
                }
                let reason = "off: the embedded graph needs a SQLite database.url; with PostgreSQL set "
                    + "knowledge_graph.backend: neo4j (or neo4j.enabled: true) to record provenance"
                logger.warning("knowledge graph \(reason)")
                return ServeGraph(backend: .off, store: nil, provenance: nil, pool: nil, location: reason)
            }
            let store = EmbeddedGraphStore(store: sql)
            return ServeGraph(backend: .embedded, store: store, provenance: ProvenanceWriter(store: store, runId: runId),
                              pool: nil, location: "embedded in \(path)")
        case .neo4j:
            let (store, pool) = try await connect(config.neo4j)
            let database = config.neo4j.database.isEmpty ? "the server default" : config.neo4j.database
            logger.info("knowledge graph on neo4j", metadata: ["uri": "\(config.neo4j.uri)", "database": "\(database)"])
            return ServeGraph(backend: .neo4j, store: store, provenance: ProvenanceWriter(store: store, runId: runId),
                              pool: pool, location: "neo4j \(config.neo4j.uri) database \(database)")
        }
    }

    /// A pool from the `neo4j:` section and a store whose schema is prepared; errors name the key to fix.
    static func connect(_ neo4j: Neo4jConfig) async throws -> (Neo4jGraphStore, BoltConnectionPool) {
        let configuration: BoltConfiguration
        do {
            configuration = try BoltConfiguration(url: neo4j.uri, auth: .basic(user: neo4j.user, password: neo4j.password),
                                                  userAgent: "graphwiz/0.1")
        } catch {
            throw ValidationError("neo4j.uri \(neo4j.uri) is not usable for knowledge_graph.backend neo4j: \(error)")
        }
        let pool = BoltConnectionPool(
            configuration: configuration,
            poolConfiguration: BoltPoolConfiguration(maxConnections: neo4j.poolSize, maxLifetimeSeconds: neo4j.maxLifetimeS,
                                                     acquireTimeoutSeconds: neo4j.acquireTimeoutS))
        let database = neo4j.database.isEmpty ? nil : neo4j.database
        // Reach the server first, on plain Bolt errors, so an unanswered handshake is told apart from refused
        // credentials; FalkorDB now and then leaves the first handshake after a closed connection unanswered, so a
        // timeout is tried again twice. The schema then goes over the connection this opened.
        for attempt in 1...3 {
            do {
                _ = try await pool.withConnection { connection in try await connection.query("RETURN 1 AS one") }
                break
            } catch BoltError.timeout where attempt < 3 {
                continue
            } catch {
                await pool.close()
                throw ValidationError(startupMessage(for: error, neo4j: neo4j))
            }
        }
        do {
            let (store, _) = try await Neo4jGraphStore.connect(pool: pool, database: database, rowsPerStatement: neo4j.batchRows)
            return (store, pool)
        } catch {
            await pool.close()
            throw ValidationError(startupMessage(for: error, neo4j: neo4j))
        }
    }

    /// The start-up error for a failed Neo4j connection, naming the keys involved.
    static func startupMessage(for error: any Error, neo4j: Neo4jConfig) -> String {
        let text = "\(error)"
        if case let .timeout(operation, seconds)? = error as? BoltError {
            return "neo4j.uri: the Neo4j server at \(neo4j.uri) did not answer (\(operation) took over \(seconds) s); "
                + "check that it runs and is reachable, raise neo4j.acquire_timeout_s for a slow network, or set "
                + "knowledge_graph.backend: embedded or off"
        }
        if case let .server(code, message)? = error as? BoltError,
           code.contains("Security") || code.contains("Unauthorized") || code.contains("Authentication") {
            return "neo4j.user / neo4j.password: authentication as '\(neo4j.user)' at \(neo4j.uri) failed (\(code): "
                + "\(message)); fix the credentials or set knowledge_graph.backend: embedded or off"
        }
        // Only the server's own answer to the handshake can be about credentials; a later failure that mentions
        // authentication in passing (a timeout of "handshake and authentication") is not.
        if error is BoltError, text.lowercased().contains("auth") || text.lowercased().contains("password") {
            return "neo4j.user / neo4j.password: authentication as '\(neo4j.user)' at \(neo4j.uri) failed: \(text); "
                + "fix the credentials or set knowledge_graph.backend: embedded or off"
        }
        return "neo4j.uri: cannot use the Neo4j server at \(neo4j.uri) for the knowledge graph "
            + "(knowledge_graph.backend neo4j): \(text); start the server, fix neo4j.uri, or set "
            + "knowledge_graph.backend: embedded or off"
    }

    /// The `graph` health component: the backend and, for Neo4j, the pool's connections; degraded while the
    /// last provenance write failed, down when the pool has no open connection after such a failure.
    func health() -> ComponentHealth {
        guard let provenance else { return ComponentHealth(name: "graph", status: .up, detail: "provenance \(location)") }
        let stats = provenance.statistics
        var detail = "\(location): \(stats.written) provenance records written, \(stats.dropped) dropped, "
            + "\(stats.failed) failed"
        var status = ComponentHealth.Status.up
        if let pool {
            let connections = pool.statistics
            detail += "; connections \(connections.open) open, \(connections.idle) idle, \(connections.waiting) waiting"
            if stats.lastWriteFailed && connections.open == 0 { status = .down }
        }
        if stats.lastWriteFailed {
            if status == .up { status = .degraded }
            detail += "; last write failed: \(stats.lastError ?? "unknown error")"
        }
        return ComponentHealth(name: "graph", status: status, detail: detail)
    }

    /// The graph's services, to go right after the store's and before the sessions' (the group shuts down in
    /// reverse order: sessions first, then the provenance feed, the writer's flush, and the pool last): the
    /// pool owner, the writer, the provenance feed of every session, the updater and its correlation feed.
    func services(entries: [SessionTradingControl.Entry], sql: SQLStore, configuration: KnowledgeGraphConfig,
                  logger: Logger) async -> [any Service] {
        guard let store, let provenance else { return [] }
        var services: [any Service] = []
        if let pool { services.append(BoltPoolService(pool: pool, logger: logger)) }
        services.append(ProvenanceWriterService(writer: provenance))
        services.append(await ProvenanceFeedService(writer: provenance, entries: entries))
        // The market graph (markets, statistics, regimes, patterns, correlations) from the stored bars, refreshed
        // every `knowledge_graph.update_interval_s`, with the retention policy applied after each refresh.
        let feed = CorrelationFeedService.make(source: GraphCorrelationSource(store: store), entries: entries, logger: logger)
        let updater = GraphUpdater(store: store, source: StoredMarketSeriesSource(store: sql),
                                   configuration: GraphUpdater.Configuration(knowledgeGraph: configuration),
                                   onRefresh: feed.onRefresh)
        services += [GraphUpdaterService(updater: updater), feed.service]
        return services
    }

    /// Closes the Neo4j pool (start-up failed after the graph was opened).
    func close() async {
        await pool?.close()
    }
}

/// Owns the Neo4j pool of the knowledge graph: listed before the writer, so it closes after the writer's last
/// flush.
struct BoltPoolService: Service {
    let pool: BoltConnectionPool
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        await pool.close()
        logger.info("neo4j pool closed")
    }
}
