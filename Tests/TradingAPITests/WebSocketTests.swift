import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing
import TradingAPI
import TradingModel
import WSClient

@Suite struct WebSocketTests {
    struct TimedOut: Error {
        var seconds: Double
    }

    /// Runs `body` but fails after `seconds`, so a broken stream cannot hang the suite.
    static func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask { try await Task.sleep(for: .seconds(seconds)); return nil }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut(seconds: seconds) }
            return value
        }
    }

    @Test func streamPushesOrderFillAndEquityOfAMarketOrder() async throws {
        let control = APIFixtures.control()
        let token = try await APIFixtures.token(.viewer)
        let received = Mutex<[String]>([])
        try await APIFixtures.application(control: control).test(.live) { client in
            let port = try #require(client.port)
            _ = try await Self.within(20) {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/v1/stream?token=\(token)",
                                                  logger: Logger(label: "ws-test")) { inbound, outbound, _ in
                    while control.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
                    _ = try await control.placeOrder(OrderRequest(clientOrderId: "ws-1", symbol: "BTC/USDT", side: .buy,
                                                                  quantity: Fixed("0.1")!))
                    var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                    for _ in 0..<3 {
                        guard case .text(let text) = try await messages.next() else { break }
                        received.withLock { $0.append(text) }
                    }
                    try await outbound.close(.normalClosure, reason: nil)
                }
            }
        }
        let messages = received.withLock { $0 }
        let types = messages.map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["type"] as? String }
        #expect(types == ["order", "fill", "equity"])
        #expect(messages[1].contains(#""clientOrderId":"ws-1""#))
        #expect(messages[1].contains(#""price":50000"#))
    }

    @Test func streamWithoutTokenIsRefused() async throws {
        try await APIFixtures.application().test(.live) { client in
            let port = try #require(client.port)
            await #expect(throws: (any Error).self) {
                _ = try await Self.within(20) {
                    try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/v1/stream",
                                                      logger: Logger(label: "ws-test")) { _, _, _ in }
                }
            }
        }
    }

    @Test func streamAcceptsTheBearerHeaderToo() async throws {
        let control = APIFixtures.control()
        let token = try await APIFixtures.token(.viewer)
        let got = Mutex<String?>(nil)
        try await APIFixtures.application(control: control).test(.live) { client in
            let port = try #require(client.port)
            let configuration = {
                var configuration = WebSocketClientConfiguration()
                configuration.additionalHeaders = [.authorization: "Bearer \(token)"]
                return configuration
            }()
            _ = try await Self.within(20) {
                try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/api/v1/stream", configuration: configuration,
                                                  logger: Logger(label: "ws-test")) { inbound, outbound, _ in
                    while control.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(10)) }
                    _ = await control.halt(reason: "ws test")
                    var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
                    if case .text(let text) = try await messages.next() { got.withLock { $0 = text } }
                    try await outbound.close(.normalClosure, reason: nil)
                }
            }
        }
        let text = try #require(got.withLock { $0 })
        #expect(text.hasPrefix(#"{"data":{"changedAt":1700000000000"#))
        #expect(text.contains(#""state":"HALTED""#))
        #expect(text.hasSuffix(#""type":"risk"}"#))
    }
}
