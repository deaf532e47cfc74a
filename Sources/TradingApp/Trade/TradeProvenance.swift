import ArgumentParser
import GraphwizConfig
import KnowledgeGraph
import Logging
import Persistence
import TradingCore

/// The provenance recording of `graphwiz trade`: the session's updates through a ``SessionProvenanceFeed`` into a
/// ``ProvenanceWriter`` on the graph `serve` would open (``ServeGraph/open(config:database:sql:runId:logger:)``:
/// `knowledge_graph.backend` and the `neo4j:` section of `--config`, the embedded graph in `--db` without one).
///
/// ``start(session:)`` subscribes before the session starts, so nothing it publishes is missed; ``finish()``
/// runs once the session has stopped (its update stream has ended, Ctrl-C and SIGTERM included), flushes
/// the writer and closes the graph.
struct TradeProvenance: Sendable {
    /// The graph in force (backend `off` when there is none).
    let graph: ServeGraph
    private var feedTask: Task<Void, Never>?
    private let writerTask: Task<Void, Never>?

    private init(graph: ServeGraph) {
        self.graph = graph
        if let writer = graph.provenance {
            writerTask = Task { try? await writer.run() }
        } else {
            writerTask = nil
        }
    }

    /// Opens the graph for a trade run. `disabled` (`--no-graph`) records nothing.
    /// - Throws: `ValidationError` naming `--config` for an unreadable configuration, or what
    ///   ``ServeGraph/open(config:database:sql:runId:logger:)`` throws (an unreachable Neo4j).
    static func open(disabled: Bool, config: String?, environment: [String: String], databasePath: String,
                     sql: SQLStore, runId: String, logger: Logger) async throws -> TradeProvenance {
        if disabled {
            return TradeProvenance(graph: ServeGraph(backend: .off, store: nil, provenance: nil, pool: nil,
                                                     location: "off (--no-graph)"))
        }
        var appConfig = AppConfiguration()
        if let config {
            do {
                appConfig = try ConfigLoader(environment: ConfigLoader.environment(process: environment)).load(file: config)
            } catch {
                throw ValidationError("--config: " + error.report(source: config).joined(separator: "\n"))
            }
        }
        let graph = try await ServeGraph.open(config: appConfig, database: .sqlite(path: databasePath), sql: sql,
                                              runId: runId, logger: logger)
        return TradeProvenance(graph: graph)
    }

    /// Feeds `session`'s updates to the writer until the session ends; call before starting it.
    mutating func start(session: any TradingSessionControl, strategy: String) async {
        guard let writer = graph.provenance else { return }
        let feed = SessionProvenanceFeed(writer: writer, strategy: strategy)
        let updates = await session.updates()
        feedTask = Task { await feed.run(updates) }
    }

    /// Waits for the feed to take the session's last updates (or stops it when `abandon`: the session never
    /// ran), writes everything queued and closes the graph; returns the writer's counts (nil when off).
    @discardableResult
    func finish(abandon: Bool = false) async -> ProvenanceWriter.Statistics? {
        if abandon { feedTask?.cancel() }
        await feedTask?.value
        graph.provenance?.finish()
        await writerTask?.value
        await graph.close()
        return graph.provenance?.statistics
    }

    /// The summary line: records written to the graph and where, or why none were.
    func summaryLine(_ statistics: ProvenanceWriter.Statistics?) -> String {
        guard let statistics else { return "knowledge graph: \(graph.location), no provenance recorded" }
        var line = "knowledge graph: \(statistics.written) provenance records written (\(graph.location))"
        if statistics.dropped > 0 || statistics.failed > 0 {
            line += ", \(statistics.dropped) dropped, \(statistics.failed) failed"
            if let error = statistics.lastError { line += " (last error: \(error))" }
        }
        return line
    }
}
