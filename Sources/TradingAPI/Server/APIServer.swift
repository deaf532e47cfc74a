import Hummingbird
import HummingbirdWebSocket
import Logging

/// Builds the API router: `/health`, `/ready`, the dashboard at `/`, the OpenAPI document, REST under
/// `/api/v1` (viewer reads, trader trading, admin kill switch and config) and the WebSocket `/api/v1/stream`.
///
/// Every request is counted in the HTTP metrics, refused outside the IP allowlist, and every error leaves as
/// `{"error":{"code","message"}}`. `/api/v1` (except the OpenAPI document) needs a token or an API key and is
/// rate limited per client.
public func buildRouter(control: some TradingControl, security: APISecurity,
                        limiter: RateLimiter? = nil) async throws -> Router<APIRequestContext> {
    let authenticator = try await APIAuthenticator(security: security)
    let assets = try DashboardAssets.load()
    let router = Router(context: APIRequestContext.self)
    router.add(middleware: HTTPMetricsMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AllowlistMiddleware(allowlist: security.allowlist))
    SystemRoutes.register(on: router, control: control)
    assets.register(on: router)

    let limiter = limiter ?? RateLimiter(perMinute: security.ratePerMinute, burst: security.burst)
    let api = router.group(RouterPath(APIVersion.prefix))
        .add(middleware: AccessMiddleware(authenticator: authenticator, limiter: limiter))
    let viewer = api.group().add(middleware: RequireRole(role: .viewer))
    ReadRoutes.register(on: viewer, control: control)
    StreamRoute.register(on: viewer, control: control)
    TradeRoutes.register(on: api.group().add(middleware: RequireRole(role: .trader)), control: control)
    AdminRoutes.register(on: api.group().add(middleware: RequireRole(role: .admin)), control: control)
    return router
}

/// The API server: HTTP/1.1 with WebSocket upgrade on `host:port` (port 0 picks a free port; the bound port is
/// reported through `onServerRunning`). Hand it to a `ServiceGroup` or call `runService()`.
public func buildApplication(control: some TradingControl, security: APISecurity, host: String = "127.0.0.1",
                             port: Int = 8080, logger: Logger = Logger(label: "graphwiz.api"),
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
    async throws -> some ApplicationProtocol {
    let router = try await buildRouter(control: control, security: security)
    return Application(
        router: router,
        server: .http1WebSocketUpgrade(webSocketRouter: router),
        configuration: .init(address: .hostname(host, port: port), serverName: "graphwiz"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}
