import Hummingbird
import Logging
import NIOCore
import Prometheus

/// The metrics endpoint: `GET /metrics` in the Prometheus text format (0.0.4) on its own port (9090 by
/// default), so scrapes never compete with the API's rate limit or authentication.
public enum MetricsServer {
    /// A router serving `/metrics` from `registry`.
    public static func buildRouter(registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        return router
    }

    /// The metrics server on `host:port` (0 picks a free port, reported through `onServerRunning`).
    public static func buildApplication(registry: PrometheusCollectorRegistry = APIMetrics.bootstrap(),
                                        host: String = "127.0.0.1", port: Int = 9090,
                                        logger: Logger = Logger(label: "graphwiz.metrics"),
                                        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol {
        Application(router: buildRouter(registry: registry),
                     configuration: .init(address: .hostname(host, port: port), serverName: "graphwiz-metrics"),
                     onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
                     logger: logger)
    }
}
