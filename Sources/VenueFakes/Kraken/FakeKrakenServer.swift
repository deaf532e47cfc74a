import Crypto
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Synchronization
import TradingModel

/// A local Kraken spot venue speaking the real wire format, for tests and demos: REST on `/0/public/*` and
/// `/0/private/*` (form-encoded POST, `API-Key`/`API-Sign` checked with the secret, strictly increasing
/// nonces, the `{"error":[...],"result":...}` envelope, the REST call counter and per-pair trading counter),
/// and WebSocket v2 on `/v2` (`ohlc`, `trade`, `executions` with a token, ping/pong, heartbeats).
///
/// Orders match against a price the test sets; `cl_ord_id`s are unique (stricter than Kraken, which only
/// checks open orders). Test hooks inject errors, drop the next order answer after executing it, and force
/// WebSocket disconnects. It binds 127.0.0.1 (port 0 = ephemeral) and serves until ``stop()``; in a process of
/// its own it runs under `graphwiz exchange fake`.
public final class FakeKrakenServer: Sendable {
    /// The API key clients must send.
    public let apiKey: String
    /// The API secret (base64), as Kraken shows it.
    public let apiSecret: String
    let key: SymmetricKey
    let state: Mutex<FakeKrakenState>
    let heartbeatInterval: Double
    let lifecycle = Mutex<FakeServerLifecycle?>(nil)
    let boundPort = Mutex<Int?>(nil)
    let logger: Logger

    /// Creates a venue listing `pairs`, with `limits`, sending heartbeats every `heartbeatInterval` seconds.
    public init(apiKey: String = "fake-kraken-api-key",
                apiSecret: String = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==",
                pairs: [FakeKrakenPair] = [.btcUSD, .btcEUR, .ethUSD, .solEUR], limits: FakeKrakenLimits = FakeKrakenLimits(),
                heartbeatInterval: Double = 1, logger: Logger = Logger(label: "graphwiz.fake-kraken")) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.key = SymmetricKey(data: Data(base64Encoded: apiSecret) ?? Data(apiSecret.utf8))
        self.state = Mutex(FakeKrakenState(venue: FakeKrakenVenue(pairs: pairs, limits: limits)))
        self.heartbeatInterval = heartbeatInterval
        var quiet = logger
        quiet.logLevel = .critical
        self.logger = quiet
    }

    /// The bound port (after ``start(port:)``).
    public var port: Int { boundPort.withLock { $0 ?? 0 } }
    /// `http://127.0.0.1:<port>`, the REST base URL.
    public var restBaseURL: String { "http://127.0.0.1:\(port)" }
    /// `ws://127.0.0.1:<port>/v2`, for both the public and the authenticated WebSocket.
    public var webSocketURL: String { "ws://127.0.0.1:\(port)/v2" }

    /// Starts serving in the background on 127.0.0.1:`port` (0 = ephemeral); returns the bound port.
    @discardableResult
    public func start(port: Int = 0) async throws -> Int {
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = buildApplication(port: port) { bound in
            portContinuation.yield(bound)
            portContinuation.finish()
        }
        let running = FakeServerLifecycle(app, logger: logger) { portContinuation.finish() }
        lifecycle.withLock { $0 = running }
        for await bound in ports {
            boundPort.withLock { $0 = bound }
            return bound
        }
        throw FakeKrakenServerError.didNotStart
    }

    /// Closes every WebSocket and shuts the server down gracefully (idle keep-alive connections closed by the
    /// server); bounded, see ``FakeServerLifecycle``.
    public func stop() async {
        forceDisconnect()
        let running = lifecycle.withLock { l -> FakeServerLifecycle? in
            defer { l = nil }
            return l
        }
        await running?.stop { [self] in forceDisconnect() }
    }

    func buildApplication(port: Int, onBound: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("/0/public/:method") { [self] request, context -> Response in
            let method = context.parameters.get("method") ?? ""
            var query: [String: String] = [:]
            for (k, v) in request.uri.queryParameters { query[String(k)] = String(v) }
            return Self.json(handlePublic(method, query))
        }
        router.post("/0/private/:method") { [self] request, context -> Response in
            let method = context.parameters.get("method") ?? ""
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let body = String(decoding: bytes.readableBytesView, as: UTF8.self)
            let apiKey = request.headers[.init("API-Key")!]
            let sign = request.headers[.init("API-Sign")!]
            let (text, drop, delay) = handlePrivate(method, body: body, apiKey: apiKey, sign: sign)
            if let delay { try await Task.sleep(for: .nanoseconds(Int64(delay * 1e9))) }
            if drop {
                // The order was executed; the answer is cut off mid-body, as when a connection drops.
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: ResponseBody(contentLength: text.utf8.count) { writer in
                                    try await writer.write(ByteBuffer(string: String(text.prefix(5))))
                                    throw FakeKrakenServerError.droppedResponse
                                })
            }
            return Self.json(text)
        }
        let wsRouter = Router(context: BasicWebSocketRequestContext.self)
        wsRouter.ws("/v2") { [self] inbound, outbound, _ in
            try await serveWebSocket(inbound: inbound, outbound: outbound)
        }
        return Application(router: router, server: .http1WebSocketUpgrade(webSocketRouter: wsRouter),
                           configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "fake-kraken"),
                           onServerRunning: { channel in onBound(channel.localAddress?.port ?? 0) },
                           logger: logger)
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// Renders the Kraken envelope.
    static func envelope(_ result: Result<FakeJSON, FakeKrakenFailure>) -> String {
        switch result {
        case let .success(r): return FakeJSON.object([("error", .array([])), ("result", r)]).text
        case let .failure(e): return FakeJSON.object([("error", .array([.string(e.message)])), ("result", .object([]))]).text
        }
    }
}

/// Failures of the fake server itself.
public enum FakeKrakenServerError: Error, Sendable {
    /// The server stopped before reporting its port.
    case didNotStart
    /// Used to cut off an order answer on purpose (``FakeKrakenServer/dropNextOrderResponse()``).
    case droppedResponse
}
