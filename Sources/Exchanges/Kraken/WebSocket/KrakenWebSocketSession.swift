import Foundation
import Logging
import Synchronization
import WSClient

/// One logical Kraken WebSocket v2 subscription that survives disconnects: it connects, sends the
/// subscribe messages, pings, watches for silence, and on any drop reconnects with exponential backoff and
/// subscribes again. Heartbeats, pongs and subscribe acknowledgements are consumed here; every other
/// message goes to `onMessage`.
public struct KrakenWebSocketSession: Sendable {
    /// Endpoint (`wss://ws.kraken.com/v2`).
    public let url: String
    let configuration: KrakenConfiguration
    let logger: Logger

    public init(url: String, configuration: KrakenConfiguration, logger: Logger = Logger(label: "graphwiz.kraken.ws")) {
        self.url = url
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until the calling task is cancelled.
    /// - Parameters:
    ///   - subscriptions: the JSON messages to send after each connect (called again on every reconnect, so a
    ///     fresh token can be fetched).
    ///   - onConnect: called with the connection number (1 for the first) once subscribed; a number above 1
    ///     means messages may have been missed and the caller should backfill.
    ///   - onMessage: every data message, parsed.
    public func run(subscriptions: @escaping @Sendable () async throws -> [String],
                    onConnect: @escaping @Sendable (Int) async -> Void,
                    onMessage: @escaping @Sendable (KrakenJSON) async -> Void) async {
        var connections = 0
        var failures = 0
        while !Task.isCancelled {
            let opened = KrakenAtomicCell(0)
            do {
                let messages = try await subscriptions()
                connections += 1
                let number = connections
                let configuration = self.configuration
                try await WebSocketClient.connect(url: url, logger: logger) { inbound, outbound, _ in
                    opened.store(1)
                    for message in messages { try await outbound.write(.text(message)) }
                    await onConnect(number)
                    let lastSeen = KrakenAtomicCell(Self.nowNanos())
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            try await Self.keepAlive(outbound: outbound, lastSeen: lastSeen, configuration: configuration)
                        }
                        for try await message in inbound.messages(maxSize: 1 << 24) {
                            lastSeen.store(Self.nowNanos())
                            guard case .text(let text) = message,
                                  let json = try? KrakenJSON.parse(Data(text.utf8)) else { continue }
                            if json["channel"]?.string == "heartbeat" || json["method"]?.string == "pong" { continue }
                            await onMessage(json)
                        }
                        group.cancelAll()
                    }
                }
            } catch is CancellationError {
                break
            } catch {
                logger.warning("kraken ws \(url): \(error)")
            }
            if Task.isCancelled { break }
            failures = opened.load() == 1 ? 0 : failures + 1
            let delay = min(configuration.reconnectMaxDelay,
                            configuration.reconnectInitialDelay * pow(2, Double(min(failures, 16))))
            logger.info("kraken ws \(url): disconnected, reconnecting in \(delay) s")
            try? await Task.sleep(for: .nanoseconds(Int64(delay * 1e9)))
        }
    }

    /// Sends `ping` every `pingInterval` and closes the connection after `staleAfter` seconds of silence.
    static func keepAlive(outbound: WebSocketOutboundWriter, lastSeen: KrakenAtomicCell,
                          configuration: KrakenConfiguration) async throws {
        let tick = max(0.05, min(configuration.pingInterval, configuration.staleAfter) / 4)
        var requestId = 1
        var lastPing = nowNanos()
        while !Task.isCancelled {
            try await Task.sleep(for: .nanoseconds(Int64(tick * 1e9)))
            let now = nowNanos()
            if Double(now - lastSeen.load()) / 1e9 > configuration.staleAfter {
                try await outbound.close(.goingAway, reason: "no message for \(configuration.staleAfter) s")
                return
            }
            if Double(now - lastPing) / 1e9 >= configuration.pingInterval {
                requestId += 1
                lastPing = now
                try await outbound.write(.text("{\"method\":\"ping\",\"req_id\":\(requestId)}"))
            }
        }
    }

    static func nowNanos() -> Int64 {
        let d = ContinuousClock.now - KrakenWebSocketSession.epoch
        return d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
    }

    static let epoch = ContinuousClock.now
}
