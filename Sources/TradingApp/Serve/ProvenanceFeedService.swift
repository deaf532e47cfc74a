import KnowledgeGraph
import ServiceLifecycle
import TradingAPI

/// Feeds the provenance writer from the service's update stream: every order change as an `Order` node placed
/// by its strategy, every fill as a `Fill` node of its order. Subscribes when built, so nothing published after
/// start-up is missed; returns after the stream ends (shutdown) and its own shutdown has come.
struct ProvenanceFeedService: Service {
    let writer: ProvenanceWriter
    let updates: AsyncStream<ControlUpdate>
    /// The strategy trading each symbol.
    let strategies: [String: String]

    init(writer: ProvenanceWriter, control: SessionTradingControl, strategies: [String: String]) {
        self.writer = writer
        self.updates = control.updates()
        self.strategies = strategies
    }

    func run() async throws {
        for await update in updates {
            switch update {
            case let .order(order):
                _ = writer.submit(.order(OrderRecord(order: order, strategy: order.request.tag.hasPrefix("manual") ? "manual"
                                                                       : strategies[order.request.symbol] ?? "unknown")))
            case let .fill(fill):
                _ = writer.submit(.fill(fill))
            case .equity, .alert, .risk:
                continue
            }
        }
        try? await gracefulShutdown()
    }
}
