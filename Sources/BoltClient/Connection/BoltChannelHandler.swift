import NIOCore
import NIOSSL

/// One exchange submitted to the channel: pipelined requests and the promise for their replies.
struct BoltExchange: Sendable {
    var requests: [BoltRequest]
    var promise: EventLoopPromise<[BoltReply]>
}

/// Asks the channel handler to send GOODBYE and close.
struct BoltCloseEvent: Sendable {}

/// What a successful connect yields.
struct BoltConnectionInfo: Sendable {
    var version: BoltVersion
    var metadata: [String: BoltValue]
}

/// Performs the actions of ``BoltConnectionStateMachine`` on a channel: writes the handshake and
/// framed messages, decodes replies, completes promises. All state lives on the channel's event loop.
final class BoltChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = BoltInbound
    typealias OutboundIn = BoltExchange
    typealias OutboundOut = ByteBuffer

    private var stateMachine: BoltConnectionStateMachine<EventLoopPromise<[BoltReply]>>
    private var connectPromise: EventLoopPromise<BoltConnectionInfo>?
    private let connectTimeout: TimeAmount
    private var timeoutTask: Scheduled<Void>?
    private var encoder = PackStreamEncoder(bolt5Structures: true)
    private let decoder = PackStreamDecoder()

    init(configuration: BoltConnectionStateMachine<EventLoopPromise<[BoltReply]>>.Configuration,
         connectPromise: EventLoopPromise<BoltConnectionInfo>, connectTimeout: TimeAmount) {
        self.stateMachine = BoltConnectionStateMachine(configuration: configuration)
        self.connectPromise = connectPromise
        self.connectTimeout = connectTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        let action = stateMachine.channelActive()
        if case .sendHandshake = action {
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            timeoutTask = context.eventLoop.scheduleTask(in: connectTimeout) {
                let (handler, context) = loopBound.value
                guard handler.connectPromise != nil else { return }
                let seconds = Double(handler.connectTimeout.nanoseconds) / 1e9
                handler.perform(handler.stateMachine.errorCaught(.timeout(operation: "Bolt handshake and authentication",
                                                                          seconds: seconds)), context: context)
            }
        }
        perform(action, context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .handshake(let reply):
            let action = stateMachine.handshakeReceived(reply)
            if let version = stateMachine.version { encoder.bolt5Structures = version.usesBolt5Structures }
            perform(action, context: context)
        case .message(var buffer):
            do {
                let response = try BoltResponse.decode(from: &buffer, using: decoder)
                perform(stateMachine.messageReceived(response), context: context)
            } catch {
                perform(stateMachine.errorCaught(Self.boltError(error)), context: context)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        perform(stateMachine.submit(exchange.requests, responder: exchange.promise), context: context)
        promise?.succeed(())
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is BoltCloseEvent else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        perform(stateMachine.close(), context: context)
        promise?.succeed(())
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(stateMachine.channelInactive(), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        perform(stateMachine.errorCaught(Self.boltError(error)), context: context)
    }

    private func perform(_ action: BoltConnectionStateMachine<EventLoopPromise<[BoltReply]>>.Action,
                         context: ChannelHandlerContext) {
        switch action {
        case .none:
            break
        case .sendHandshake:
            context.writeAndFlush(wrapOutboundOut(BoltHandshake.request()), promise: nil)
        case .send(let requests):
            send(requests, context: context)
        case .connected(let version, let metadata):
            timeoutTask?.cancel()
            connectPromise?.succeed(BoltConnectionInfo(version: version, metadata: metadata))
            connectPromise = nil
        case .complete(let promise, let replies):
            promise.succeed(replies)
        case .completeAndSend(let promise, let replies, let requests):
            send(requests, context: context)
            promise.succeed(replies)
        case .refuse(let promise, let error):
            promise.fail(error)
        case .sendAndClose(let requests):
            send(requests, context: context)
            context.close(promise: nil)
        case .close(let error, let failing):
            timeoutTask?.cancel()
            connectPromise?.fail(error)
            connectPromise = nil
            for promise in failing { promise.fail(error) }
            context.close(promise: nil)
        }
    }

    private func send(_ requests: [BoltRequest], context: ChannelHandlerContext) {
        var out = context.channel.allocator.buffer(capacity: 256)
        var body = context.channel.allocator.buffer(capacity: 256)
        do {
            for request in requests {
                body.clear()
                try request.encode(into: &body, using: encoder)
                BoltChunker.frame(body, into: &out)
            }
        } catch {
            perform(stateMachine.errorCaught(Self.boltError(error)), context: context)
            return
        }
        context.writeAndFlush(wrapOutboundOut(out), promise: nil)
    }

    private static func boltError(_ error: Error) -> BoltError {
        switch error {
        case let error as BoltError: error
        case let error as PackStreamError: .packStream(error)
        case let error as NIOSSLError: .tlsFailed("\(error)")
        case let error as BoringSSLError: .tlsFailed("\(error)")
        default: .connectionClosed(reason: "I/O error: \(error)")
        }
    }
}
