import ArgumentParser
import Foundation
import KnowledgeGraph
import Persistence

/// `graphwiz graph update`: one refresh of the market graph now (what the service's ``GraphUpdater`` does
/// every `knowledge_graph.update_interval_s`).
struct GraphUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Refresh markets, statistics, regimes, patterns and correlations from the stored bars; apply retention.",
        discussion: """
            Bars come from the SQLite store (--db); the graph is the embedded one there, or Neo4j with --neo4j-url. \
            Retention, by each node's time: --retention-days applies to the decision labels (Signal, AgentDecision, \
            RiskCheck, Order, Fill, Position, Trade); --retain Label=DAYS sets one label, and is the only way to prune \
            market history (Regime, Pattern, Event). Without either nothing is deleted.
            """)

    @Option(help: "Exchange name the stored markets are recorded on.")
    var exchange = BacktestGraphRecorder.exchange

    @Option(help: "Returns per correlation.")
    var correlationWindow = 500

    @Option(help: "Bars per regime estimate (volatility and drift window).")
    var regimeWindow = 20

    @Option(help: "Days to keep decision nodes (Signal, RiskCheck, Order, Fill, ...; default: keep all).")
    var retentionDays: Int?

    @Option(help: "Days to keep one label, as Label=DAYS (repeatable), e.g. --retain Signal=30.")
    var retain: [String] = []

    @OptionGroup var backend: GraphBackendOptions

    func validate() throws {
        guard correlationWindow >= 2 else { throw ValidationError("--correlation-window must be at least 2, got \(correlationWindow)") }
        guard regimeWindow >= 2 else { throw ValidationError("--regime-window must be at least 2, got \(regimeWindow)") }
        if let retentionDays, retentionDays < 1 {
            throw ValidationError("--retention-days must be at least 1, got \(retentionDays)")
        }
        _ = try retentionByLabel()
    }

    /// `--retain Label=DAYS` pairs.
    func retentionByLabel() throws -> [String: Int] {
        var days: [String: Int] = [:]
        for item in retain {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let value = Int(parts[1]), value >= 1 else {
                throw ValidationError("--retain must be Label=DAYS with DAYS >= 1 (e.g. Signal=30), got '\(item)'")
            }
            days[parts[0]] = value
        }
        return days
    }

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let configuration = GraphUpdater.Configuration(
            correlationWindow: correlationWindow, regimes: RegimeClassifier(window: regimeWindow),
            retention: GraphRetentionPolicy(defaultDays: retentionDays, days: try retentionByLabel()))
        let barsPath = backend.db.flatMap { $0.isEmpty ? nil : $0 } ?? StoreLocation.resolve(option: nil)
        let exchange = self.exchange
        let report = try await SQLStore.withStore(path: barsPath, migrations: EmbeddedGraphStore.migrations) { bars in
            let source = StoredMarketSeriesSource(store: bars, exchange: exchange)
            return try await backend.withStore(embeddedPath: barsPath) { store in
                try await GraphUpdater(store: store, source: source, configuration: configuration).refresh()
            }
        }
        var lines = [report.summary]
        for label in report.deleted.keys.sorted() { lines.append("  pruned \(report.deleted[label]!) \(label) nodes") }
        return DataCommandOutput(lines)
    }
}
