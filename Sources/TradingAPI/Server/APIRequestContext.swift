import Hummingbird
import HummingbirdWebSocket
import NIOCore

/// The request context of every API route: the peer address, the authenticated identity and the WebSocket
/// upgrade slot.
public struct APIRequestContext: RequestContext, WebSocketRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let webSocket: WebSocketHandlerReference<Self>
    /// The peer, when the request came over a socket.
    public let remoteAddress: SocketAddress?
    /// Set by the authentication middleware.
    public var identity: APIIdentity?

    /// A context for a new request.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.webSocket = .init()
        self.remoteAddress = source.channel.remoteAddress
        self.identity = nil
    }

    /// Default request bodies are capped at 1 MiB.
    public var maxUploadSize: Int { 1 << 20 }
}
