import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import TradingModel

/// A fake Binance spot venue on 127.0.0.1 speaking the real wire format: the REST paths and parameters,
/// HMAC-SHA256 signature and timestamp checks, weights and rate-limit headers, 429/418, error bodies,
/// exchangeInfo filters, market and limit matching, klines, and WebSocket market and user data streams
/// (`/stream?streams=...`, `/ws/<listenKey>`). Test hooks live on ``state``.
///
/// Start it with ``start(apiKey:apiSecret:port:state:)``; stop it with ``stop()``. It runs in-process for
/// tests, or in its own process under `graphwiz exchange fake` for end-to-end runs.
public final class FakeBinanceServer: Sendable {
    /// The venue state and test hooks.
    public let state: FakeBinanceState
    /// The port it listens on.
    public let port: Int
    private let lifecycle: FakeServerLifecycle

    /// `http://127.0.0.1:<port>`: the REST base URL.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// `ws://127.0.0.1:<port>`: the WebSocket base URL.
    public var webSocketURL: String { "ws://127.0.0.1:\(port)" }

    private init(state: FakeBinanceState, port: Int, lifecycle: FakeServerLifecycle) {
        self.state = state
        self.port = port
        self.lifecycle = lifecycle
    }

    /// Starts a server on 127.0.0.1 (`port` 0 picks a free one) and returns once it accepts connections.
    public static func start(apiKey: String, apiSecret: String, port: Int = 0,
                             state: FakeBinanceState? = nil,
                             logger: Logger = Logger(label: "graphwiz.fake-binance")) async throws -> FakeBinanceServer {
        let venue = state ?? FakeBinanceState(apiKey: apiKey, apiSecret: apiSecret)
        let router = Router(context: BasicWebSocketRequestContext.self)
        addRoutes(router, venue)
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = logger
        quiet.logLevel = .critical
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "fake-binance"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: quiet)
        let lifecycle = FakeServerLifecycle(app, logger: quiet) { portContinuation.finish() }
        var iterator = portStream.makeAsyncIterator()
        guard let bound = await iterator.next(), bound > 0 else {
            await lifecycle.stop(timeout: .seconds(1))
            throw FakeServerError(message: "fake binance: the server did not start on 127.0.0.1:\(port)")
        }
        return FakeBinanceServer(state: venue, port: bound, lifecycle: lifecycle)
    }

    /// Stops the server: refuses new WebSockets, closes the open ones and shuts down gracefully (idle keep-alive
    /// connections closed by the server); bounded, see ``FakeServerLifecycle``.
    public func stop() async {
        await state.beginStopping()
        let state = self.state
        await lifecycle.stop { await state.disconnectAll() }
    }

    private static func addRoutes(_ router: Router<BasicWebSocketRequestContext>, _ venue: FakeBinanceState) {
        let paths = ["/api/v3/ping", "/api/v3/time", "/api/v3/exchangeInfo", "/api/v3/klines", "/api/v3/depth",
                     "/api/v3/ticker/24hr", "/api/v3/account", "/api/v3/order", "/api/v3/openOrders",
                     "/api/v3/myTrades", "/api/v3/userDataStream"]
        for path in paths {
            for method in [HTTPRequest.Method.get, .post, .put, .delete] {
                router.on(RouterPath(path), method: method) { request, _ in
                    try await respond(request, path: path, venue)
                }
            }
        }
        router.ws("/ws/:listenKey") { _, context in
            guard let key = context.parameters.get("listenKey"), await venue.isListenKey(key) else { return .dontUpgrade }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let key = context.requestContext.parameters.get("listenKey")
            try await pump(inbound, outbound, venue, listenKey: key, streams: [])
        }
        router.ws("/stream") { _, _ in await venue.isStopping() ? .dontUpgrade : .upgrade([:]) } onUpgrade: { inbound, outbound, context in
            let names = context.request.uri.queryParameters["streams"].map(String.init) ?? ""
            let streams = Set(names.split(separator: "/").map(String.init))
            try await pump(inbound, outbound, venue, listenKey: nil, streams: streams)
        }
    }

    private static func pump(_ inbound: WebSocketInboundStream, _ outbound: WebSocketOutboundWriter,
                             _ venue: FakeBinanceState, listenKey: String?, streams: Set<String>) async throws {
        let (messages, continuation) = AsyncStream.makeStream(of: String.self)
        let id = await venue.register(listenKey: listenKey, streams: streams, continuation: continuation)
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { for try await _ in inbound.messages(maxSize: 1 << 20) {} }
                group.addTask { for await text in messages { try await outbound.write(.text(text)) } }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await venue.unregister(id)
            throw error
        }
        await venue.unregister(id)
    }

    private static func respond(_ request: Request, path: String, _ venue: FakeBinanceState) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let fake = FakeBinanceRequest(method: request.method.rawValue, path: path, query: request.uri.query ?? "",
                                      body: String(buffer: body),
                                      apiKey: request.headers[HTTPField.Name("X-MBX-APIKEY")!])
        let answer = await venue.handle(fake)
        if answer.drop {
            // Hold the answer until the client gives up or the server stops (at most two minutes).
            for _ in 0..<2400 where await !venue.isStopping() {
                try? await Task.sleep(for: .milliseconds(50))
            }
            throw HTTPError(.internalServerError)
        }
        if let delay = answer.delay { try? await Task.sleep(for: delay) }
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=UTF-8"
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .init(code: answer.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }
}

/// A fake server failed to start.
public struct FakeServerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
