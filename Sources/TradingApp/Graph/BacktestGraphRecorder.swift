import Backtest
import KnowledgeGraph
import Persistence

/// Writes what a backtest decided into the embedded graph: its decision graph, the markets it traded on the
/// `simulated` exchange and, for portfolios, the return correlations of its assets over the whole run.
enum BacktestGraphRecorder {
    /// Exchange name of backtest markets.
    static let exchange = "simulated"

    /// Records `result` in the graph of the SQLite file at `path`; returns the summary line.
    static func record(_ result: BacktestResult, series: [InstrumentSeries], path: String) async throws -> String {
        try await SQLStore.withStore(path: path, migrations: EmbeddedGraphStore.migrations) { sql in
            let store = EmbeddedGraphStore(store: sql)
            var market = MarketGraphBuilder.markets(exchange: exchange, instruments: series.map(\.instrument))
            let byAsset = Dictionary(series.map { ($0.instrument.base, $0.bars) }, uniquingKeysWith: { first, _ in first })
            if byAsset.count > 1 {
                let window = byAsset.values.map(\.count).min() ?? 0
                let asOf = series.compactMap(\.bars.last?.time).max() ?? 0
                market.relationships += MarketGraphBuilder.correlations(
                    assets: byAsset.map { (asset: $0.key, bars: $0.value) }, window: window, asOf: asOf)
            }
            try await store.write(market)
            let written = try await DecisionGraphWriter().write(DecisionGraphInput(result: result), to: store)
            return "  Decision graph: \(written.nodeCount) nodes, \(written.relationshipCount) relationships in \(path) "
                + "(`graphwiz graph why ORDER_ID`)"
        }
    }
}
