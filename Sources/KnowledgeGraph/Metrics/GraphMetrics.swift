import CoreMetrics
import Metrics

/// The graph's swift-metrics instruments. Libraries only create them; the app bootstraps a backend once
/// (Prometheus in the service), and without one they are no-ops.
///
/// - `graphwiz_graph_write_seconds`, `graphwiz_graph_read_seconds` (Timer): store call latency.
/// - `graphwiz_graph_queue_depth` (Gauge): records waiting in the ``ProvenanceWriter`` queue.
/// - `graphwiz_graph_errors_total` (Counter): failed store calls and failed writer batches.
/// - `graphwiz_graph_dropped_total` (Counter): records the writer refused because its queue was full.
/// - `graphwiz_graph_cache_hits_total`, `graphwiz_graph_cache_misses_total` (Counter): ``CachedGraphStore`` reads.
public struct GraphMetrics: Sendable {
    /// `graphwiz_graph_write_seconds`.
    public let writeLatency: Timer
    /// `graphwiz_graph_read_seconds`.
    public let readLatency: Timer
    /// `graphwiz_graph_queue_depth`.
    public let queueDepth: Gauge
    /// `graphwiz_graph_errors_total`.
    public let errors: Counter
    /// `graphwiz_graph_dropped_total`.
    public let dropped: Counter
    /// `graphwiz_graph_cache_hits_total`.
    public let cacheHits: Counter
    /// `graphwiz_graph_cache_misses_total`.
    public let cacheMisses: Counter

    /// Instruments from `factory` (default: the bootstrapped ``MetricsSystem``), with `dimensions` on each.
    public init(dimensions: [(String, String)] = [], factory: any MetricsFactory = MetricsSystem.factory) {
        writeLatency = Timer(label: "graphwiz_graph_write_seconds", dimensions: dimensions, factory: factory)
        readLatency = Timer(label: "graphwiz_graph_read_seconds", dimensions: dimensions, factory: factory)
        queueDepth = Gauge(label: "graphwiz_graph_queue_depth", dimensions: dimensions, factory: factory)
        errors = Counter(label: "graphwiz_graph_errors_total", dimensions: dimensions, factory: factory)
        dropped = Counter(label: "graphwiz_graph_dropped_total", dimensions: dimensions, factory: factory)
        cacheHits = Counter(label: "graphwiz_graph_cache_hits_total", dimensions: dimensions, factory: factory)
        cacheMisses = Counter(label: "graphwiz_graph_cache_misses_total", dimensions: dimensions, factory: factory)
    }
}
