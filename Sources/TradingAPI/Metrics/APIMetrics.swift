import Metrics
import Prometheus
import Synchronization

/// The process-wide Prometheus registry behind swift-metrics.
///
/// ``bootstrap()`` installs a `PrometheusMetricsFactory` as the swift-metrics backend exactly once per process
/// (swift-metrics traps on a second bootstrap); later calls return the same registry. Libraries keep using
/// plain `Metrics` APIs.
public enum APIMetrics {
    private static let registry = Mutex<PrometheusCollectorRegistry?>(nil)

    /// Buckets of `graphwiz_http_request_duration_seconds`: 100 µs to 5 s.
    public static let httpDurationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    /// Buckets of `graphwiz_kernel_event_to_order_seconds` (recorded by live sessions): 10 µs to 1 s.
    public static let kernelLatencyBuckets: [Duration] = [
        .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250),
        .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
    ]

    /// Bootstraps swift-metrics with Prometheus on the first call; returns the registry every time.
    @discardableResult
    public static func bootstrap() -> PrometheusCollectorRegistry {
        registry.withLock { stored in
            if let stored { return stored }
            let created = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: created)
            factory.durationHistogramBuckets["graphwiz_http_request_duration_seconds"] = httpDurationBuckets
            factory.durationHistogramBuckets["graphwiz_kernel_event_to_order_seconds"] = kernelLatencyBuckets
            MetricsSystem.bootstrap(factory)
            stored = created
            return created
        }
    }

    /// The exposition text of every metric (bootstraps if needed).
    public static func exposition() -> String { bootstrap().emitToString() }
}
