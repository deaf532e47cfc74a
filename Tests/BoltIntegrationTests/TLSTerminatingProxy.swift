import NIOCore
import NIOPosix
import NIOSSL

/// A TLS-terminating TCP proxy on 127.0.0.1 in front of the Bolt test server, so the client's
/// `bolt+s` / `bolt+ssc` paths run against a real server (FalkorDB speaks plain Bolt only).
final class TLSTerminatingProxy: Sendable {
    let port: Int
    private let serverChannel: any Channel

    private init(port: Int, serverChannel: any Channel) {
        self.port = port
        self.serverChannel = serverChannel
    }

    /// Starts the proxy on an ephemeral port, forwarding to `targetHost:targetPort`.
    static func start(targetHost: String, targetPort: Int) async throws -> TLSTerminatingProxy {
        let certificate = try NIOSSLCertificate(bytes: Array(TLSTestCertificate.certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(TLSTestCertificate.privateKeyPEM.utf8), format: .pem)
        let context = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(certificate)], privateKey: .privateKey(key)))
        let group = MultiThreadedEventLoopGroup.singleton
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                inbound.eventLoop.makeCompletedFuture {
                    try inbound.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                }.flatMap {
                    ClientBootstrap(group: inbound.eventLoop)
                        .connect(host: targetHost, port: targetPort)
                }.flatMapThrowing { outbound in
                    let (toTarget, toClient) = ForwardingHandler.pair()
                    try inbound.pipeline.syncOperations.addHandler(toTarget)
                    try outbound.pipeline.syncOperations.addHandler(toClient)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TLSTerminatingProxy(port: channel.localAddress!.port!, serverChannel: channel)
    }

    /// Stops accepting connections.
    func stop() async {
        try? await serverChannel.close()
    }
}

/// Copies bytes read on one channel to its partner channel and closes the partner on close.
private final class ForwardingHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    // Set once in `pair()`/`handlerAdded`; each handler is only touched on its own channel's event loop.
    private var partner: ForwardingHandler?
    private var context: ChannelHandlerContext?

    static func pair() -> (ForwardingHandler, ForwardingHandler) {
        let first = ForwardingHandler()
        let second = ForwardingHandler()
        first.partner = second
        second.partner = first
        return (first, second)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        partner?.send(bytes)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.closePartner()
        context.fireChannelInactive()
    }

    private func send(_ bytes: ByteBuffer) {
        guard let context else { return }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            loopBound.value.writeAndFlush(NIOAny(bytes), promise: nil)
        }
    }

    private func closePartner() {
        guard let context else { return }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            loopBound.value.close(promise: nil)
        }
    }
}
