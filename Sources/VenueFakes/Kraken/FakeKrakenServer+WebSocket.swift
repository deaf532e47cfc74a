import Foundation
import HummingbirdWebSocket

extension FakeKrakenServer {
    /// Serves one WebSocket v2 connection until the client leaves or ``forceDisconnect()``.
    func serveWebSocket(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        state.withLock { s in
            s.connections[id] = FakeKrakenConnection(outbound: continuation)
            s.webSocketsOpened += 1
        }
        continuation.yield(#"{"channel":"status","type":"update","data":[{"api_version":"v2","connection_id":1,"system":"online","version":"2.0.0"}]}"#)
        defer {
            continuation.finish()
            _ = state.withLock { $0.connections.removeValue(forKey: id) }
        }
        let heartbeat = heartbeatInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await text in stream { try await outbound.write(.text(text)) }
                try? await outbound.close(.goingAway, reason: "fake kraken: disconnect")
            }
            group.addTask { [self] in
                while !Task.isCancelled {
                    try await Task.sleep(for: .nanoseconds(Int64(heartbeat * 1e9)))
                    if !state.withLock({ $0.silent }) { continuation.yield(#"{"channel":"heartbeat"}"#) }
                }
            }
            group.addTask { [self] in
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message else { continue }
                    handleWebSocketRequest(text, connection: id)
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// Answers ping, subscribe and unsubscribe requests.
    func handleWebSocketRequest(_ text: String, connection id: UUID) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let method = object["method"] as? String else { return }
        let reqId = (object["req_id"] as? Int).map { FakeJSON.int(Int64($0)) } ?? .null
        let params = object["params"] as? [String: Any] ?? [:]
        state.withLock { s in
            guard var connection = s.connections[id] else { return }
            let nowText = FakeKrakenVenue.rfc3339(nanos: s.nowNanos())
            func answer(_ members: [(String, FakeJSON)]) {
                connection.outbound.yield(FakeJSON.object(members + [("req_id", reqId), ("time_in", .string(nowText)),
                                                                     ("time_out", .string(nowText))]).text)
            }
            switch method {
            case "ping":
                if !s.silent { answer([("method", .string("pong"))]) }
            case "subscribe", "unsubscribe":
                let channel = params["channel"] as? String ?? ""
                let symbols = params["symbol"] as? [String] ?? []
                let interval = params["interval"] as? Int ?? 1
                var keys: [(String, FakeJSON)] = []
                switch channel {
                case "ohlc":
                    keys = symbols.map { (FakeKrakenConnection.key("ohlc", $0, interval),
                                          .object([("channel", .string("ohlc")), ("symbol", .string($0)), ("interval", .int(Int64(interval)))])) }
                case "trade":
                    keys = symbols.map { (FakeKrakenConnection.key("trade", $0),
                                          .object([("channel", .string("trade")), ("symbol", .string($0))])) }
                case "executions":
                    guard let token = params["token"] as? String, s.venue.tokens.contains(token) else {
                        answer([("method", .string(method)), ("success", .bool(false)), ("error", .string("Token(s) not found"))])
                        return
                    }
                    keys = [(FakeKrakenConnection.key("executions"), .object([("channel", .string("executions"))]))]
                default:
                    answer([("method", .string(method)), ("success", .bool(false)), ("error", .string("Channel \(channel) not found"))])
                    return
                }
                if keys.isEmpty || (channel != "executions" && symbols.contains { s.venue.pair(named: $0) == nil }) {
                    answer([("method", .string(method)), ("success", .bool(false)), ("error", .string("Currency pair not supported"))])
                    return
                }
                for (key, result) in keys {
                    if method == "subscribe" { connection.subscriptions.insert(key) } else { connection.subscriptions.remove(key) }
                    answer([("method", .string(method)), ("result", result), ("success", .bool(true))])
                }
                if method == "subscribe", channel == "executions", (params["snap_orders"] as? Bool) ?? true {
                    let open = s.venue.orderSequence.compactMap { s.venue.orders[$0] }.filter { $0.status == "open" }
                    let entries = open.map { FakeJSON.object(s.venue.executionJSON($0, execType: nil, now: Double(s.nowNanos()) / 1e9)) }
                    connection.sequence += 1
                    connection.outbound.yield(FakeJSON.object([("channel", .string("executions")), ("type", .string("snapshot")),
                                                               ("data", .array(entries)), ("sequence", .int(connection.sequence))]).text)
                }
                s.connections[id] = connection
            default:
                answer([("method", .string(method)), ("success", .bool(false)), ("error", .string("Method not found"))])
            }
        }
    }
}
