import GraphwizConfig
import KnowledgeGraph
import ServiceLifecycle

/// The updater as a ServiceGroup member: a graceful shutdown cancels it (between or during refreshes).
struct GraphUpdaterService: Service {
    let updater: GraphUpdater

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await updater.run() }
    }
}

/// The provenance writer as a ServiceGroup member: on graceful shutdown it stops accepting records, writes
/// what is queued and returns.
struct ProvenanceWriterService: Service {
    let writer: ProvenanceWriter

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await writer.run()
        } onGracefulShutdown: {
            writer.finish()
        }
    }
}

extension GraphUpdater.Configuration {
    /// The `knowledge_graph:` section: the interval, and `retention_days` for the decision labels.
    init(knowledgeGraph: KnowledgeGraphConfig) {
        self.init(interval: .seconds(knowledgeGraph.updateIntervalS),
                  retention: GraphRetentionPolicy(defaultDays: knowledgeGraph.retentionDays))
    }
}

extension CachedGraphStore {
    /// Cached results for `knowledge_graph.query_cache_mb`, counting about 1 KB per result.
    static func capacity(queryCacheMB: Int) -> Int { max(0, queryCacheMB) * 1_000 }
}
