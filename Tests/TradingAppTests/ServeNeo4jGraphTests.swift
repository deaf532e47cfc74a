import ArgumentParser
import BoltClient
import BoltTestSupport
import Foundation
import GraphwizConfig
import KnowledgeGraph
import Logging
import Persistence
import Testing
@testable import TradingApp

/// The Bolt server for the serve graph tests, from `GRAPHWIZ_BOLT_URL` / `_USER` / `_PASSWORD`
/// (`scripts/falkordb.sh start`); the suite is skipped when the URL is not set.
enum ServeBoltServer {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["GRAPHWIZ_BOLT_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let user = environment["GRAPHWIZ_BOLT_USER"] ?? "falkordb"
    static let password = environment["GRAPHWIZ_BOLT_PASSWORD"] ?? ""
    static var isConfigured: Bool { url != nil }

    /// A serve config trading sma_cross in simulation with the graph on `url`, in graph (database) `graph`.
    /// FalkorDB needs 5 rows per statement (see Neo4jGraphStore.init).
    static func config(url: String, password: String, graph: String, acquireTimeout: Int? = nil) -> String {
        """
        trading:
          mode: simulation
          symbols: [BTC/USDT]
          timeframe: 1h
          strategies:
            - name: sma_cross
              params: {fast: 5, slow: 20}
              sizing: fraction:0.1
        neo4j:
          uri: "\(url)"
          user: "\(user)"
          password: "\(password)"
          database: "\(graph)"
          pool_size: 4
          batch_rows: 5\(acquireTimeout.map { "\n  acquire_timeout_s: \($0)" } ?? "")
        knowledge_graph:
          backend: neo4j
        """
    }

    /// Runs `body` on a store over `graph`, deleting that graph's nodes afterwards. On FalkorDB every database is
    /// the same graph, so callers hold ``SharedGraphLock``. Retries handshakes that time out (FalkorDB's
    /// post-GOODBYE quirk).
    static func withGraph<T: Sendable>(_ graph: String, _ body: (Neo4jGraphStore) async throws -> T) async throws -> T {
        var configuration = try BoltConfiguration(url: url!, auth: .basic(user: user, password: password),
                                                  userAgent: "graphwiz-serve-tests/1.0")
        configuration.responseTimeout = .seconds(20)
        let pool = BoltConnectionPool(configuration: configuration,
                                      poolConfiguration: BoltPoolConfiguration(maxConnections: 2))
        let store = Neo4jGraphStore(pool: pool, database: graph, rowsPerStatement: 5)
        for attempt in 1...6 {
            do {
                _ = try await store.query("RETURN 1 AS one", parameters: [:])
                break
            } catch BoltError.timeout where attempt < 6 {
                continue
            }
        }
        do {
            let result = try await body(store)
            try? await store.removeAll()
            await pool.close()
            return result
        } catch {
            try? await store.removeAll()
            await pool.close()
            throw error
        }
    }
}

@Suite("serve: the knowledge graph on Neo4j over Bolt (FalkorDB)", .serialized, .enabled(if: ServeBoltServer.isConfigured))
struct ServeNeo4jGraphTests {
    @Test("serve writes orders with their signal, risk check and fills to the neo4j backend; SIGTERM flushes them")
    func provenanceOnNeo4j() async throws {
        // The server is shared and FalkorDB has one graph whatever the database: hold the lock from the first
        // write until the read-back (and the cleanup) are done.
        try await SharedGraphLock.withLock {
            let dir = try DataTestDirectory()
            defer { dir.remove() }
            let graph = "graphwiz_serve_test_\(UInt32.random(in: 0...UInt32.max))"
            let config = try dir.write("graphwiz.yaml", ServeBoltServer.config(url: ServeBoltServer.url!,
                                                                             password: ServeBoltServer.password, graph: graph))
            let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--db", dir.path("serve.sqlite"),
                                                                 "--bars", "3000", "--speed", "1000",
                                                                 "--http-port", "0", "--metrics-port", "0"],
                                            environment: [:])
            #expect(await serve.waitForLog("session started", seconds: 90), "log: \(serve.log)")
            try await Task.sleep(for: .seconds(3))
            // The `graph` component of /ready names the backend and the pool's connections.
            let api = try #require(ServeHTTP.port(after: "dashboard and API on http://127.0.0.1:", in: serve.log))
            let ready = try await ServeHTTP.get("http://127.0.0.1:\(api)/ready")
            #expect(ready.body.contains(#""name":"graph""#), "ready: \(ready.body)")
            #expect(ready.body.contains("neo4j \(ServeBoltServer.url!) database \(graph)"), "ready: \(ready.body)")
            #expect(ready.body.contains("open"), "ready: \(ready.body)")
            #expect(!ready.body.contains("last write failed"), "ready: \(ready.body)")
            try await Task.sleep(for: .seconds(1))
            let status = await serve.stop(SIGTERM, seconds: 60)
            #expect(status == 0, "log: \(serve.log)")
            #expect(serve.log.contains("knowledge graph on neo4j"), "log: \(serve.log)")

            try await ServeBoltServer.withGraph(graph) { store in
                let filled = try await store.query("MATCH (o:Order) WHERE o.status = 'filled' RETURN o.id AS id LIMIT 5",
                                                   parameters: [:])
                let ids = filled.rows.compactMap { $0.first?.stringValue }
                #expect(!ids.isEmpty, "no filled Order nodes in graph \(graph); log: \(serve.log)")
                for id in ids {
                    let why = try await ProvenanceQuery.why(orderId: id, in: store)
                    #expect(why.strategy?.id == "sma_cross" || why.strategy?.id == "manual", "\(why.lines())")
                    #expect(why.signal?.properties["symbol"]?.stringValue == "BTC/USDT", "\(why.lines())")
                    #expect(why.signal?.properties["bar_close"]?.doubleValue != nil, "\(why.lines())")
                    #expect(why.riskVerdict == GraphSchema.approvedBy, "\(why.lines())")
                    #expect(why.riskCheck?.properties["passed"]?.boolValue == true, "\(why.lines())")
                    #expect(why.order != nil)
                    #expect(!why.fills.isEmpty, "\(why.lines())")
                    #expect(why.positions.first?.properties["symbol"]?.stringValue == "BTC/USDT", "\(why.lines())")
                }
            }
        }
    }

    @Test("a wrong neo4j password stops start-up with an error naming neo4j.user / neo4j.password")
    func wrongPassword() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let graph = "graphwiz_serve_test_\(UInt32.random(in: 0...UInt32.max))"
        // FalkorDB answers a refused login slowly while other tests keep its single thread busy: the lock keeps the
        // graph-writing tests away meanwhile, and the start-up waits up to 30 s for the answer.
        let config = try dir.write("graphwiz.yaml", ServeBoltServer.config(url: ServeBoltServer.url!, password: "definitely-wrong",
                                                                         graph: graph, acquireTimeout: 30))
        let log = try await SharedGraphLock.withLock {
            let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--db", dir.path("serve.sqlite"),
                                                                 "--bars", "100", "--http-port", "0", "--metrics-port", "0"],
                                            environment: [:])
            let status = await serve.waitForExit(seconds: 120)
            #expect(status != nil && status != 0, "log: \(serve.log)")
            return serve.log
        }
        #expect(log.contains("neo4j.user / neo4j.password"), "log: \(log)")
    }
}

@Suite("serve: graph backend start-up errors")
struct ServeGraphBackendTests {
    @Test("an unreachable neo4j stops start-up with an error naming neo4j.uri")
    func unreachable() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        let config = try dir.write("graphwiz.yaml", ServeBoltServer.config(url: "bolt://127.0.0.1:1", password: "x",
                                                                         graph: "unused"))
        let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--db", dir.path("serve.sqlite"),
                                                             "--bars", "100", "--http-port", "0", "--metrics-port", "0"],
                                        environment: [:])
        let status = await serve.waitForExit(seconds: 90)
        #expect(status != nil && status != 0, "log: \(serve.log)")
        #expect(serve.log.contains("neo4j.uri: cannot use the Neo4j server at bolt://127.0.0.1:1"), "log: \(serve.log)")
    }

    @Test("with a PostgreSQL store the embedded graph is refused when asked for, and off with the reason under auto")
    func embeddedNeedsSQLite() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let postgres = DatabaseLocation.postgres(url: "postgres://graphwiz@127.0.0.1:1/graphwiz")
        try await SQLStore.withStore(path: dir.path("unused.sqlite")) { sql in
            var config = AppConfiguration()
            config.knowledgeGraph.backend = .embedded
            do {
                _ = try await ServeGraph.open(config: config, database: postgres, sql: sql, runId: "t",
                                              logger: Logger(label: "test"))
                Issue.record("the embedded graph was opened on a PostgreSQL store")
            } catch let error as ValidationError {
                #expect("\(error)".contains("knowledge_graph.backend: embedded"))
                #expect("\(error)".contains("database.url is PostgreSQL"))
            }
            config.knowledgeGraph.backend = .auto
            let off = try await ServeGraph.open(config: config, database: postgres, sql: sql, runId: "t",
                                                logger: Logger(label: "test"))
            #expect(off.backend == .off)
            #expect(off.provenance == nil)
            #expect(off.health().detail.contains("needs a SQLite database.url"))
            config.neo4j.enabled = true
            #expect(config.knowledgeGraph.resolvedBackend(neo4j: config.neo4j) == .neo4j)
        }
    }

    @Test("the embedded backend on SQLite: health names it and counts provenance records")
    func embeddedHealth() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let path = dir.path("graph.sqlite")
        try await SQLStore.withStore(path: path, migrations: EmbeddedGraphStore.migrations) { sql in
            let graph = try await ServeGraph.open(config: AppConfiguration(), database: .sqlite(path: path), sql: sql,
                                                  runId: "t", logger: Logger(label: "test"))
            #expect(graph.backend == .embedded)
            let health = graph.health()
            #expect(health.status == .up)
            #expect(health.detail.hasPrefix("embedded in \(path): 0 provenance records written"))
        }
    }
}
