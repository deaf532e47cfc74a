import KnowledgeGraph
import ServiceLifecycle
import TradingCore

/// Feeds the provenance writer from every session's own update stream (see ``SessionProvenanceFeed``): each
/// decision as a `Signal` and its `RiskCheck`, each order change as an `Order` placed by the session's strategy,
/// each fill as a `Fill` of its order. Subscribes when built, so nothing published after start-up is missed.
///
/// Put it before the sessions in the service list: a graceful shutdown stops the sessions first, whose streams
/// then end (after the last cancels and fills of the stop), and only then this service and the writer behind it.
struct ProvenanceFeedService: Service {
    let feeds: [(feed: SessionProvenanceFeed, updates: AsyncStream<SessionUpdate>)]

    init(writer: ProvenanceWriter, entries: [SessionTradingControl.Entry]) async {
        var feeds: [(feed: SessionProvenanceFeed, updates: AsyncStream<SessionUpdate>)] = []
        for entry in entries {
            feeds.append((SessionProvenanceFeed(writer: writer, strategy: entry.strategy), await entry.session.updates()))
        }
        self.feeds = feeds
    }

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for (feed, updates) in feeds { group.addTask { await feed.run(updates) } }
        }
        try? await gracefulShutdown()
    }
}
