import Foundation

/// Everything the fake server guards with one lock: the venue, the WebSocket connections and the hooks.
struct FakeKrakenState: Sendable {
    var venue: FakeKrakenVenue
    var connections: [UUID: FakeKrakenConnection] = [:]
    var dropNextOrderResponse = false
    /// Seconds to hold the next AddOrder answer after executing the order.
    var delayNextOrderResponse: Double?
    /// When true, WebSockets get no heartbeats and no pongs (a half-dead connection).
    var silent = false
    /// WebSocket connections accepted so far.
    var webSocketsOpened = 0
    /// Fixed "now" in Unix nanoseconds; nil = wall clock.
    var nowOverride: Int64?
    /// While set: how many more `trade` executions reach subscribers before every later `executions` push is
    /// held back (see ``FakeKrakenServer/holdExecutions(afterTrades:)``).
    var executionTradesBeforeHold: Int?
    var heldExecutions: [FakeKrakenPush] = []

    init(venue: FakeKrakenVenue) { self.venue = venue }

    func nowNanos() -> Int64 { nowOverride ?? Int64(Date().timeIntervalSince1970 * 1e9) }

    /// Sends the venue's pending pushes to subscribed connections.
    mutating func flush() {
        let pushes = venue.outbox
        venue.outbox.removeAll()
        for push in pushes {
            if case let .execution(entry) = push, let remaining = executionTradesBeforeHold {
                guard remaining > 0 else {
                    heldExecutions.append(push)
                    continue
                }
                if case let .object(members) = entry, members.contains(where: { $0.0 == "exec_type" && $0.1 == .string("trade") }) {
                    executionTradesBeforeHold = remaining - 1
                }
            }
            for id in connections.keys {
                connections[id]!.deliver(push)
            }
        }
    }
}

/// One WebSocket client of the fake and what it subscribed to.
struct FakeKrakenConnection: Sendable {
    let outbound: AsyncStream<String>.Continuation
    var subscriptions: Set<String> = []
    var sequence: Int64 = 0

    static func key(_ channel: String, _ symbol: String = "", _ interval: Int = 0) -> String { "\(channel)|\(symbol)|\(interval)" }

    mutating func deliver(_ push: FakeKrakenPush) {
        switch push {
        case let .execution(entry):
            guard subscriptions.contains(Self.key("executions")) else { return }
            sequence += 1
            outbound.yield(FakeJSON.object([("channel", .string("executions")), ("type", .string("update")),
                                            ("data", .array([entry])), ("sequence", .int(sequence))]).text)
        case let .trade(symbol, entry):
            guard subscriptions.contains(Self.key("trade", symbol)) else { return }
            outbound.yield(FakeJSON.object([("channel", .string("trade")), ("type", .string("update")),
                                            ("data", .array([entry]))]).text)
        case let .ohlc(symbol, interval, entry):
            guard subscriptions.contains(Self.key("ohlc", symbol, interval)) else { return }
            outbound.yield(FakeJSON.object([("channel", .string("ohlc")), ("type", .string("update")),
                                            ("data", .array([entry]))]).text)
        }
    }
}
