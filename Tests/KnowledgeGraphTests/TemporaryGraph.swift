import BoltClient
import BoltTestSupport
import Foundation
import KnowledgeGraph
import Persistence

/// Fresh stores for tests: an embedded store in a temporary file, or a Neo4j store on a graph of its own.
enum TemporaryGraph {
    /// Runs `body` on an embedded graph in a new SQLite file, removed afterwards.
    @discardableResult
    static func withEmbedded<T>(_ body: (EmbeddedGraphStore) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("graphwiz-graph-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await SQLStore.withStore(path: directory.appendingPathComponent("graph.sqlite").path,
                                            migrations: EmbeddedGraphStore.migrations) { store in
            try await body(EmbeddedGraphStore(store: store))
        }
    }

    /// The Bolt server from `GRAPHWIZ_BOLT_URL` / `_USER` / `_PASSWORD` (see `scripts/falkordb.sh start`).
    static let boltURL = ProcessInfo.processInfo.environment["GRAPHWIZ_BOLT_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var isBoltConfigured: Bool { boltURL != nil }

    /// One pool for every Bolt-backed test, never closed: FalkorDB leaves the first connection after a
    /// GOODBYE unanswered, so reusing connections keeps the tests clear of that quirk.
    static let pool: BoltConnectionPool? = {
        guard let boltURL else { return nil }
        let environment = ProcessInfo.processInfo.environment
        guard var configuration = try? BoltConfiguration(
            url: boltURL, auth: .basic(user: environment["GRAPHWIZ_BOLT_USER"] ?? "falkordb",
                                       password: environment["GRAPHWIZ_BOLT_PASSWORD"] ?? ""),
            userAgent: "graphwiz-graph-tests/1.0") else { return nil }
        configuration.connectTimeout = .seconds(1)
        // A wedged server fails the test within seconds instead of hanging the run.
        configuration.responseTimeout = .seconds(20)
        return BoltConnectionPool(configuration: configuration,
                                  poolConfiguration: BoltPoolConfiguration(maxConnections: 2))
    }()

    /// Small statements: FalkorDB's Bolt endpoint crashes on large parameter payloads (see Neo4jGraphStore.init).
    static let rowsPerStatement = Int(ProcessInfo.processInfo.environment["GRAPHWIZ_GRAPH_ROWS_PER_STATEMENT"] ?? "") ?? 50

    /// Runs `body` on a Neo4j store over a database no other test uses, deleted afterwards. FalkorDB ignores the
    /// database selection (every test shares its one graph), so the body runs under ``SharedGraphLock``.
    @discardableResult
    static func withBolt<T>(_ body: (Neo4jGraphStore) async throws -> T) async throws -> T {
        guard let pool else { throw GraphError.unsupported(backend: "neo4j", operation: "tests", hint: "set GRAPHWIZ_BOLT_URL") }
        let store = Neo4jGraphStore(pool: pool, database: "graphwiz_graph_test_\(UInt32.random(in: 0...UInt32.max))",
                                    rowsPerStatement: rowsPerStatement)
        return try await SharedGraphLock.withLock {
            try await warmUp(store)
            do {
                let result = try await body(store)
                try? await store.removeAll()
                return result
            } catch {
                try? await store.removeAll()
                throw error
            }
        }
    }

    /// True when the server returns a string parameter with quotes and backslashes unchanged (Neo4j does;
    /// FalkorDB's Bolt endpoint does not).
    static func passesStringsExactly(_ store: Neo4jGraphStore) async throws -> Bool {
        let probe = #"a\tb 'c'"#
        guard let result = try? await store.query("RETURN $s AS s", parameters: ["s": .string(probe)]) else { return false }
        return result.rows == [[.string(probe)]]
    }

    /// Opens a pooled connection, retrying handshakes that time out (FalkorDB's post-GOODBYE quirk).
    private static func warmUp(_ store: Neo4jGraphStore) async throws {
        for attempt in 1...6 {
            do {
                _ = try await store.query("RETURN 1 AS one", parameters: [:])
                return
            } catch BoltError.timeout where attempt < 6 {
                continue
            }
        }
    }
}
