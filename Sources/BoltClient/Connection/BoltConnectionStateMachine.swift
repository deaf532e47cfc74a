import NIOCore

/// The sans-IO core of a Bolt connection: it is told what happened (channel active, bytes decoded,
/// a request submitted, the channel closed) and answers with the ``Action`` to perform. It never
/// touches a socket, so it is tested by feeding it decoded messages.
///
/// Requests are pipelined: each submitted exchange (e.g. RUN + PULL) is written at once and its
/// replies are matched in order. After a FAILURE the machine queues a RESET itself, so the server
/// leaves the FAILED state before the next exchange is processed.
///
/// `Responder` is whatever the caller needs to answer an exchange (an `EventLoopPromise` in the
/// channel handler, a plain value in tests).
struct BoltConnectionStateMachine<Responder> {
    /// Settings needed to open the connection.
    struct Configuration {
        var auth: BoltAuth
        var userAgent: String
        var boltAgent: [String: BoltValue]
    }

    /// Where the connection is in its life.
    enum State: Equatable {
        case initial
        case handshaking
        /// HELLO (and LOGON) sent; `awaiting` summaries still to come.
        case authenticating(awaiting: Int)
        case ready
        /// GOODBYE sent or a fatal error seen; waiting for the channel to close.
        case closing
        case closed
    }

    /// What the channel handler must do next.
    enum Action {
        case none
        /// Write the 20-byte handshake.
        case sendHandshake
        /// Write these requests (chunked) and flush.
        case send([BoltRequest])
        /// Handshake and authentication succeeded: complete the connect promise.
        case connected(version: BoltVersion, metadata: [String: BoltValue])
        /// An exchange finished: answer its responder.
        case complete(Responder, [BoltReply])
        /// An exchange finished with a FAILURE: answer it and write the RESET the machine queued.
        case completeAndSend(Responder, [BoltReply], [BoltRequest])
        /// The exchange was refused because the connection is not ready.
        case refuse(Responder, BoltError)
        /// Write these requests, then close the channel (GOODBYE).
        case sendAndClose([BoltRequest])
        /// Close the channel; fail the connect promise (if still pending) and these responders.
        case close(BoltError, failing: [Responder])
    }

    private struct Exchange {
        var responder: Responder?
        var requests: [BoltRequest]
        var replies: [BoltReply] = []
        var records: [[BoltValue]] = []
        var current: BoltRequest { requests[replies.count] }
        var isComplete: Bool { replies.count == requests.count }
    }

    let configuration: Configuration
    private(set) var state: State = .initial
    /// Negotiated protocol version, once the handshake is done.
    private(set) var version: BoltVersion?
    /// Metadata of the HELLO SUCCESS (`server`, `connection_id`, …).
    private(set) var serverMetadata: [String: BoltValue] = [:]
    /// Whether the server is inside an explicit transaction (BEGIN succeeded, no COMMIT/ROLLBACK/RESET yet).
    private(set) var inTransaction = false
    /// Whether a FAILURE was seen and the RESET that clears it has not succeeded yet.
    private(set) var awaitingReset = false
    private var queue = CircularBuffer<Exchange>()

    init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Number of exchanges written and not yet fully answered (internal RESETs included).
    var pendingExchanges: Int { queue.count }

    /// The TCP (and TLS) connection is up.
    mutating func channelActive() -> Action {
        guard state == .initial else { return .none }
        state = .handshaking
        return .sendHandshake
    }

    /// The server's handshake reply arrived.
    mutating func handshakeReceived(_ reply: UInt32) -> Action {
        guard state == .handshaking else {
            return fail(.protocolViolation("handshake reply received in state \(state)"))
        }
        let version: BoltVersion
        do {
            version = try BoltHandshake.parseReply(reply)
        } catch let error as BoltError {
            return fail(error)
        } catch {
            return fail(.handshakeFailed("\(error)"))
        }
        self.version = version
        var hello: [String: BoltValue] = ["user_agent": .string(configuration.userAgent)]
        if version >= .v5_3 { hello["bolt_agent"] = .map(configuration.boltAgent) }
        if version.usesLogon {
            state = .authenticating(awaiting: 2)
            return .send([.hello(extra: hello), .logon(auth: configuration.auth.token)])
        }
        hello.merge(configuration.auth.token) { _, auth in auth }
        state = .authenticating(awaiting: 1)
        return .send([.hello(extra: hello)])
    }

    /// A complete server message arrived.
    mutating func messageReceived(_ response: BoltResponse) -> Action {
        switch state {
        case .authenticating(let awaiting):
            return authenticationReply(response, awaiting: awaiting)
        case .ready, .closing:
            guard !queue.isEmpty else {
                if state == .closing { return .none }
                return fail(.protocolViolation("server sent \(Self.name(of: response)) but no request is pending"))
            }
            return exchangeReply(response)
        case .initial, .handshaking, .closed:
            return fail(.protocolViolation("server sent \(Self.name(of: response)) in state \(state)"))
        }
    }

    /// The caller submits an exchange of pipelined requests.
    mutating func submit(_ requests: [BoltRequest], responder: Responder) -> Action {
        guard state == .ready else {
            return .refuse(responder, .connectionClosed(reason: "connection is \(state), expected ready"))
        }
        precondition(!requests.isEmpty, "an exchange needs at least one request")
        queue.append(Exchange(responder: responder, requests: requests))
        return .send(requests)
    }

    /// The caller closes the connection politely.
    mutating func close() -> Action {
        switch state {
        case .ready:
            state = .closing
            return .sendAndClose([.goodbye])
        case .closing, .closed:
            return .none
        case .initial, .handshaking, .authenticating:
            return fail(.connectionClosed(reason: "closed by the client before the connection was ready"))
        }
    }

    /// The channel is gone.
    mutating func channelInactive() -> Action {
        let wasClosing = state == .closing
        guard state != .closed else { return .none }
        let error = BoltError.connectionClosed(
            reason: wasClosing ? "closed by the client" : "the server closed the connection (state \(state))")
        let failing = drainResponders()
        state = .closed
        return .close(error, failing: failing)
    }

    /// A fatal error (I/O, decoding, timeout): close and fail everything.
    mutating func errorCaught(_ error: BoltError) -> Action {
        fail(error)
    }

    // MARK: - Private

    private mutating func authenticationReply(_ response: BoltResponse, awaiting: Int) -> Action {
        switch response {
        case .success(let metadata):
            if awaiting == 2 || version?.usesLogon == false { serverMetadata = metadata }
            if awaiting > 1 {
                state = .authenticating(awaiting: awaiting - 1)
                return .none
            }
            state = .ready
            return .connected(version: version!, metadata: serverMetadata)
        case .failure(let metadata):
            return fail(BoltResponse.serverError(metadata))
        case .ignored:
            return fail(.protocolViolation("server ignored an authentication request"))
        case .record:
            return fail(.protocolViolation("server sent RECORD during authentication"))
        }
    }

    private mutating func exchangeReply(_ response: BoltResponse) -> Action {
        let request = queue[queue.startIndex].current
        let reply: BoltReply
        var sendReset = false
        switch response {
        case .record(let values):
            guard case .pull = request else {
                return fail(.protocolViolation("server sent RECORD in reply to \(request.name), expected only for PULL"))
            }
            queue[queue.startIndex].records.append(values)
            return .none
        case .success(let metadata):
            reply = .success(metadata: metadata, records: queue[queue.startIndex].records)
            queue[queue.startIndex].records = []
            applySuccess(of: request)
        case .failure(let metadata):
            reply = .failure(BoltResponse.serverError(metadata))
            if case .reset = request {
                return fail(.protocolViolation("RESET failed: \(BoltResponse.serverError(metadata))"))
            }
            if !awaitingReset {
                awaitingReset = true
                sendReset = true
            }
        case .ignored:
            reply = .ignored
        }
        queue[queue.startIndex].replies.append(reply)
        if sendReset {
            queue.append(Exchange(responder: nil, requests: [.reset]))
        }
        guard queue[queue.startIndex].isComplete else {
            return sendReset ? .send([.reset]) : .none
        }
        let done = queue.removeFirst()
        guard let responder = done.responder else {
            return sendReset ? .send([.reset]) : .none
        }
        return sendReset ? .completeAndSend(responder, done.replies, [.reset]) : .complete(responder, done.replies)
    }

    private mutating func applySuccess(of request: BoltRequest) {
        switch request {
        case .begin: inTransaction = true
        case .commit, .rollback: inTransaction = false
        case .reset:
            inTransaction = false
            awaitingReset = false
        default: break
        }
    }

    private mutating func fail(_ error: BoltError) -> Action {
        guard state != .closed else { return .none }
        let failing = drainResponders()
        state = .closing
        return .close(error, failing: failing)
    }

    private mutating func drainResponders() -> [Responder] {
        var responders: [Responder] = []
        while let exchange = queue.popFirst() {
            if let responder = exchange.responder { responders.append(responder) }
        }
        return responders
    }

    private static func name(of response: BoltResponse) -> String {
        switch response {
        case .success: "SUCCESS"
        case .record: "RECORD"
        case .ignored: "IGNORED"
        case .failure: "FAILURE"
        }
    }
}
