import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// An open, authenticated Bolt connection.
///
/// A connection runs one piece of work at a time: starting a query discards what is left of the
/// previous result stream. For concurrency use ``BoltConnectionPool``. All methods are safe to call
/// from any task; the protocol state lives on the channel's event loop.
public final class BoltConnection: Sendable {
    /// Negotiated protocol version.
    public let version: BoltVersion
    /// Server agent from the HELLO SUCCESS, e.g. `Neo4j/5.13.0`.
    public let serverAgent: String
    /// Server-assigned connection id, when the server sends one.
    public let connectionID: String?
    /// The settings this connection was opened with.
    public let configuration: BoltConfiguration
    let channel: any Channel
    let session: NIOLockedValueBox<BoltSessionState>
    /// When the connection was opened, for pool lifetime checks.
    let openedAt: NIODeadline

    private init(channel: any Channel, info: BoltConnectionInfo, configuration: BoltConfiguration) {
        self.channel = channel
        self.version = info.version
        self.serverAgent = info.metadata["server"]?.stringValue ?? "unknown"
        self.connectionID = info.metadata["connection_id"]?.stringValue
        self.configuration = configuration
        self.session = NIOLockedValueBox(BoltSessionState())
        self.openedAt = .now()
    }

    /// Opens a connection: TCP, optional TLS, version handshake (5.7 down to 4.4), HELLO and LOGON.
    /// - Throws: ``BoltError/server(code:message:)`` when authentication fails,
    ///   ``BoltError/timeout(operation:seconds:)`` when the server does not answer in time,
    ///   ``BoltError/handshakeFailed(_:)`` when no version is shared.
    public static func connect(
        host: String, port: Int = 7687, auth: BoltAuth, tls: BoltTLS = .disabled,
        userAgent: String = "graphwiz-bolt/1.0", connectTimeout: TimeAmount = .seconds(10), fetchSize: Int64 = 1000,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> BoltConnection {
        try await connect(configuration: BoltConfiguration(host: host, port: port, auth: auth, tls: tls,
                                                           userAgent: userAgent, connectTimeout: connectTimeout,
                                                           fetchSize: fetchSize),
                          eventLoopGroup: eventLoopGroup)
    }

    /// Opens a connection described by `configuration`.
    public static func connect(
        configuration: BoltConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> BoltConnection {
        let eventLoop = eventLoopGroup.next()
        let connectPromise = eventLoop.makePromise(of: BoltConnectionInfo.self)
        let sslContext = try configuration.tls.configuration.map { try NIOSSLContext(configuration: $0) }
        let stateConfiguration = BoltConnectionStateMachine<EventLoopPromise<[BoltReply]>>.Configuration(
            auth: configuration.auth, userAgent: configuration.userAgent,
            boltAgent: ["product": .string(configuration.userAgent), "language": "Swift",
                        "platform": "Linux"])
        let host = configuration.host
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(configuration.connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        let serverName = host.first?.isNumber == true || host.contains(":") ? nil : host
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(BoltFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(
                        BoltChannelHandler(configuration: stateConfiguration, connectPromise: connectPromise,
                                           connectTimeout: configuration.connectTimeout))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            connectPromise.fail(error)
            throw BoltError.connectionClosed(
                reason: "cannot connect to \(configuration.host):\(configuration.port): \(error)")
        }
        let info = try await connectPromise.futureResult.get()
        return BoltConnection(channel: channel, info: info, configuration: configuration)
    }

    /// Whether the channel is still open.
    public var isOpen: Bool { channel.isActive }

    /// Bookmark of the last committed work (auto-commit query or COMMIT), for causal chaining.
    public var lastBookmark: String? { session.withLockedValue { $0.lastBookmark } }

    /// Sends GOODBYE and closes the channel. Safe to call more than once.
    public func close() async {
        try? await channel.triggerUserOutboundEvent(BoltCloseEvent()).get()
        try? await channel.closeFuture.get()
    }

    /// Sends RESET: abandons open results and any transaction, and clears a FAILED state.
    public func reset() async throws {
        session.withLockedValue { state in
            state.openStream = nil
            state.transactionOpen = false
        }
        try Self.check(try await exchange([.reset]))
    }

    /// Writes `requests` pipelined and waits for one reply per request.
    func exchange(_ requests: [BoltRequest]) async throws -> [BoltReply] {
        let promise = channel.eventLoop.makePromise(of: [BoltReply].self)
        channel.writeAndFlush(BoltExchange(requests: requests, promise: promise)).whenFailure { error in
            // The write never reached the handler (channel already closed): nobody else completes the promise.
            promise.fail(BoltError.connectionClosed(reason: "cannot send \(requests.map(\.name)): \(error)"))
        }
        if let timeout = configuration.responseTimeout {
            // A late reply after the timeout completes nothing (a completed promise ignores it); the channel is
            // closed because the replies still owed would be read as answers to the next requests.
            let channel = self.channel
            let deadline = channel.eventLoop.scheduleTask(in: timeout) {
                promise.fail(BoltError.timeout(operation: "replies to \(requests.map(\.name).joined(separator: "+"))",
                                               seconds: Double(timeout.nanoseconds) / 1e9))
                channel.close(promise: nil)
            }
            promise.futureResult.whenComplete { _ in deadline.cancel() }
        }
        return try await promise.futureResult.get()
    }

    /// Throws the first FAILURE among `replies` (or ``BoltError/ignored(request:)`` when the first
    /// non-success reply is IGNORED).
    @discardableResult
    static func check(_ replies: [BoltReply], requests: [BoltRequest] = []) throws -> [BoltReply] {
        for (index, reply) in replies.enumerated() {
            switch reply {
            case .success: continue
            case .failure(let error): throw error
            case .ignored: throw BoltError.ignored(request: index < requests.count ? requests[index].name : "request")
            }
        }
        return replies
    }
}

/// Client-side session bookkeeping of a connection.
struct BoltSessionState: Sendable {
    /// The result stream that still has records on the server, if any.
    var openStream: (id: UInt64, qid: Int64)?
    var nextStreamID: UInt64 = 0
    var transactionOpen = false
    var lastBookmark: String?

    /// Takes the DISCARD needed before new work, closing the open stream.
    mutating func discardOpenStream() -> [BoltRequest] {
        guard let stream = openStream else { return [] }
        openStream = nil
        return [.discard(n: -1, qid: stream.qid)]
    }
}
