import Exchanges
import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes

/// `KrakenExchange.runStreaming(onReconnect:)`: every reconnect of the `executions` WebSocket is reported (the
/// first connection is not), after the fills missed meanwhile were published, and the stream ends when its task
/// is canceled.
@Suite struct KrakenReconnectReportTests {
    actor Counter {
        var value = 0
        func increment() { value += 1 }
    }

    @Test func eachReconnectIsReportedOnceAfterTheMissedFillsWerePublished() async throws {
        try await withFakeKraken { server in
            server.setBalance(Fixed(100_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            let reports = Counter()
            let streaming = Task { await exchange.runStreaming(onReconnect: { await reports.increment() }) }
            #expect(await eventually { server.subscribers(channel: "executions") == 1 })
            try await Task.sleep(for: .milliseconds(300))
            #expect(await reports.value == 0, "the first connection is not a reconnect")

            try await exchange.submit(OrderRequest(clientOrderId: "rr-1", symbol: "BTC/USD", side: .buy, type: .limit,
                                                   quantity: Fixed("0.25")!, limitPrice: Fixed(29_000)))
            server.forceDisconnect()
            server.setPrice(Fixed(28_000), pair: "XBTUSD")  // filled while nobody listens
            #expect(await eventually { await reports.value == 1 })
            let events = await recorder.wait(for: 2)
            let fills = events.compactMap { event -> Fill? in if case let .filled(fill) = event { fill } else { nil } }
            #expect(fills.map(\.tradeId) == server.accountTrades.map(\.txid))
            #expect(fills.first?.clientOrderId == "rr-1")

            server.forceDisconnect()
            #expect(await eventually { await reports.value == 2 })
            #expect(server.privateCalls.filter { $0 == "GetWebSocketsToken" }.count == 3)

            streaming.cancel()
            await streaming.value
            #expect(await eventually { server.subscribers(channel: "executions") == 0 })
            #expect(await reports.value == 2)
            #expect(await recorder.events.filter { if case .filled = $0 { true } else { false } }.count == 1)
        }
    }
}
