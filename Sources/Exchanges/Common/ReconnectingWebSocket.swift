import Logging
import NIOCore
import WSClient

/// What one connection of a ``ReconnectingWebSocket`` did, passed to its disconnect callback.
public struct WebSocketConnectionOutcome: Sendable {
    /// Zero-based connection number.
    public var connection: Int
    /// Text messages received on this connection.
    public var messages: Int
    /// Why it ended: nil for a close by either side, else the error.
    public var error: String?
    /// True when the client closed it because it reached ``ReconnectingWebSocket/maxConnectionAge``.
    public var agedOut: Bool
}

/// A WebSocket client loop that keeps one logical stream alive: connect, resubscribe, read, and on any drop
/// reconnect after an exponential ``Backoff`` (reset once a connection delivered messages). Connections are
/// recycled before `maxConnectionAge` (Binance drops every connection after 24 h). Pings are sent on an
/// interval and pongs answered by the WebSocket layer. Runs until its task is cancelled.
public struct ReconnectingWebSocket: Sendable {
    /// Label used in logs.
    public var name: String
    /// Delay policy between reconnect attempts.
    public var backoff: Backoff
    /// The client closes and reopens a connection that lived this long.
    public var maxConnectionAge: Duration
    /// Interval of client pings.
    public var pingInterval: Duration
    /// Largest message accepted.
    public var maxMessageSize: Int
    /// Logger (URLs with listen keys are not logged).
    public var logger: Logger

    /// Creates a loop.
    public init(name: String, backoff: Backoff = Backoff(), maxConnectionAge: Duration = .seconds(23 * 3600),
                pingInterval: Duration = .seconds(30), maxMessageSize: Int = 4 << 20,
                logger: Logger = Logger(label: "graphwiz.websocket")) {
        self.name = name
        self.backoff = backoff
        self.maxConnectionAge = maxConnectionAge
        self.pingInterval = pingInterval
        self.maxMessageSize = maxMessageSize
        self.logger = logger
    }

    /// Runs the loop until cancelled.
    /// - Parameters:
    ///   - url: Called before each connection (listen keys may change between connections).
    ///   - onConnect: Called once a connection is open, with a function that sends text (for subscriptions).
    ///   - onMessage: Called for every text message, in order.
    ///   - onDisconnect: Called after each connection ends, before the backoff delay.
    ///   - control: Lets the caller close the current connection to force a reconnect.
    public func run(url: @escaping @Sendable () async throws -> String,
                    onConnect: @escaping @Sendable (_ connection: Int, _ send: @escaping @Sendable (String) async throws -> Void) async throws -> Void,
                    onMessage: @escaping @Sendable (String) async -> Void,
                    onDisconnect: @escaping @Sendable (WebSocketConnectionOutcome) async -> Void = { _ in },
                    control: WebSocketControl = WebSocketControl()) async {
        var connection = 0
        var failures = 0
        while !Task.isCancelled {
            let counter = MessageCounter()
            var outcome = WebSocketConnectionOutcome(connection: connection, messages: 0, error: nil, agedOut: false)
            do {
                let address = try await url()
                let maxAge = maxConnectionAge
                let maxSize = maxMessageSize
                let index = connection
                let configuration = WebSocketClientConfiguration(maxFrameSize: maxSize,
                                                                 autoPing: .enabled(timePeriod: pingInterval))
                let client = WebSocketClient(url: address, configuration: configuration, logger: logger) { inbound, outbound, _ in
                    control.attach(outbound)
                    defer { control.detach() }
                    try await onConnect(index) { text in try await outbound.write(.text(text)) }
                    let timer = Task {
                        try await Task.sleep(for: maxAge)
                        counter.markAged()
                        try? await outbound.close(.normalClosure, reason: "connection age limit")
                    }
                    defer { timer.cancel() }
                    for try await message in inbound.messages(maxSize: maxSize) {
                        if case let .text(text) = message {
                            counter.increment()
                            await onMessage(text)
                        }
                    }
                }
                try await client.run()
            } catch is CancellationError {
                break
            } catch {
                outcome.error = "\(error)"
            }
            outcome.messages = counter.count
            outcome.agedOut = counter.aged
            await onDisconnect(outcome)
            if Task.isCancelled { break }
            failures = (outcome.messages > 0 || outcome.agedOut) ? 0 : failures + 1
            connection += 1
            let delay = failures == 0 ? .zero : backoff.delay(attempt: failures - 1)
            logger.info("\(name): websocket reconnecting", metadata: [
                "connection": "\(connection)", "delay": "\(delay)", "error": "\(outcome.error ?? "closed")",
            ])
            if delay > .zero {
                do { try await Task.sleep(for: delay) } catch { break }
            }
        }
    }
}

/// Thread-safe counters for one connection.
final class MessageCounter: Sendable {
    private let state = Locked<(count: Int, aged: Bool)>((0, false))
    func increment() { state.withLock { $0.count += 1 } }
    func markAged() { state.withLock { $0.aged = true } }
    var count: Int { state.withLock { $0.count } }
    var aged: Bool { state.withLock { $0.aged } }
}

/// Closes the current connection of a ``ReconnectingWebSocket`` from outside, which makes it reconnect (for
/// example after a user-data listen key was found dead).
public final class WebSocketControl: Sendable {
    private let writer = Locked<WebSocketOutboundWriter?>(nil)

    /// A control with no connection yet.
    public init() {}

    func attach(_ outbound: WebSocketOutboundWriter) { writer.withLock { $0 = outbound } }
    func detach() { writer.withLock { $0 = nil } }

    /// Closes the current connection, if any; the loop reconnects.
    public func reconnect(reason: String) async {
        guard let outbound = writer.value else { return }
        try? await outbound.close(.normalClosure, reason: reason)
    }
}
