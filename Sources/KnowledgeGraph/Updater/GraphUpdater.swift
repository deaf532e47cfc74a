import Foundation
import TradingModel

/// Keeps the market graph current: every `interval` it reads every series from its ``MarketSeriesSource``,
/// rewrites markets, timeframe statistics, regime episodes and chart patterns, recomputes asset return
/// correlations (per timeframe, from each asset's longest series), and applies the retention policy.
///
/// ``run()`` has the shape of a swift-service-lifecycle `Service`: it refreshes at once, then every interval,
/// and returns when its task is cancelled. A failed refresh is counted in `graphwiz_graph_errors_total` and
/// retried at the next interval; ``refresh()`` alone (`graphwiz graph update`) throws instead.
public struct GraphUpdater: Sendable {
    /// What to compute and how often.
    public struct Configuration: Sendable, Hashable {
        /// Time between refreshes (default 1 hour, `knowledge_graph.update_interval_s`).
        public var interval: Duration
        /// Returns per correlation (default 500; shorter shared histories use what they have).
        public var correlationWindow: Int
        /// The regime rule.
        public var regimes: RegimeClassifier
        /// The pattern rules.
        public var patterns: PatternDetector
        /// Days kept per label.
        public var retention: GraphRetentionPolicy

        /// The seed defaults: hourly, 500 returns, the documented regime and pattern rules, no retention.
        public init(interval: Duration = .seconds(3600), correlationWindow: Int = 500,
                    regimes: RegimeClassifier = RegimeClassifier(), patterns: PatternDetector = PatternDetector(),
                    retention: GraphRetentionPolicy = GraphRetentionPolicy()) {
            self.interval = interval
            self.correlationWindow = max(2, correlationWindow)
            self.regimes = regimes
            self.patterns = patterns
            self.retention = retention
        }
    }

    /// The graph written.
    public let store: any GraphStore
    /// Where bars come from.
    public let source: any MarketSeriesSource
    /// Interval and rules.
    public let configuration: Configuration
    /// Failed refreshes of ``run()`` are counted in `errors`.
    public let metrics: GraphMetrics
    /// Unix ms now (the wall clock by default; tests pass a fixed time).
    public let now: @Sendable () -> Int64
    /// Called after every refresh of ``run()`` with its report or error (e.g. to log).
    public let onRefresh: @Sendable (Result<GraphUpdateReport, any Error>) -> Void

    /// An updater of `store` from `source`.
    public init(store: any GraphStore, source: any MarketSeriesSource, configuration: Configuration = Configuration(),
                metrics: GraphMetrics = GraphMetrics(),
                now: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) },
                onRefresh: @escaping @Sendable (Result<GraphUpdateReport, any Error>) -> Void = { _ in }) {
        self.store = store
        self.source = source
        self.configuration = configuration
        self.metrics = metrics
        self.now = now
        self.onRefresh = onRefresh
    }

    /// Refreshes now and then every interval until cancelled.
    public func run() async throws {
        while !Task.isCancelled {
            do {
                onRefresh(.success(try await refresh()))
            } catch is CancellationError {
                return
            } catch {
                metrics.errors.increment()
                onRefresh(.failure(error))
            }
            do { try await Task.sleep(for: configuration.interval) } catch { return }
        }
    }

    /// One refresh: market graph, statistics, regimes, patterns, correlations, then retention.
    public func refresh() async throws -> GraphUpdateReport {
        var report = GraphUpdateReport()
        report.asOf = now()
        let all = try await source.series()
        report.series = all.count
        for series in all {
            try Task.checkCancellation()
            let timeframe = series.timeframe.description
            var batch = MarketContextGraph.market(series)
            let statistics = MarketContextGraph.statistics(series, asOf: report.asOf)
            report.statistics += statistics.nodes.count
            batch.append(statistics)
            let regimes = MarketContextGraph.regimes(configuration.regimes.episodes(series.bars),
                                                     market: series.marketRef, timeframe: timeframe)
            report.regimes += regimes.nodes.count
            batch.append(regimes)
            let patterns = MarketContextGraph.patterns(configuration.patterns.detect(series.bars),
                                                       market: series.marketRef, timeframe: timeframe)
            report.patterns += patterns.nodes.count
            batch.append(patterns)
            try await store.write(batch)
        }
        var byTimeframe: [Timeframe: [String: [Bar]]] = [:]
        for series in all where series.bars.count > (byTimeframe[series.timeframe]?[series.base]?.count ?? 0) {
            byTimeframe[series.timeframe, default: [:]][series.base] = series.bars
        }
        // One CORRELATED_WITH per asset pair: from the timeframe with the most assets (ties: the shortest).
        if let timeframe = byTimeframe.keys.sorted().max(by: { byTimeframe[$0]!.count < byTimeframe[$1]!.count
                || (byTimeframe[$0]!.count == byTimeframe[$1]!.count && $0 > $1) }),
           let assets = byTimeframe[timeframe], assets.count > 1 {
            var correlations = MarketGraphBuilder.correlations(
                assets: assets.map { (asset: $0.key, bars: $0.value) }, window: configuration.correlationWindow,
                asOf: report.asOf)
            for index in correlations.indices { correlations[index].properties["timeframe"] = .string(timeframe.description) }
            report.correlations = correlations.count
            try await store.write(GraphBatch(relationships: correlations))
        }
        for (label, cutoff) in configuration.retention.cutoffs(now: report.asOf) {
            let deleted = try await store.deleteNodes(label: label, olderThan: cutoff)
            if deleted > 0 { report.deleted[label] = deleted }
        }
        return report
    }
}
