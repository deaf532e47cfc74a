import Exchanges
import Foundation
import Logging
import Strategies
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import TradingApp

/// `trade`/`serve`'s live Kraken connection against a fake Kraken on 127.0.0.1: the session sees the executions
/// WebSocket's reconnects (``ReconnectReportingExchange``), reconciles, and a fill made while the socket was
/// down moves the position exactly once.
@Suite("kraken live session", .serialized)
struct KrakenLiveSessionTests {
    @Test("a fill made while the executions WebSocket was down is adopted exactly once after the reconnect")
    func missedFillAdoptedOnce() async throws {
        try await FakeKrakenServer.run { server in try await scenario(server) }
    }

    private func scenario(_ server: FakeKrakenServer) async throws {
        server.setBalance(Fixed(100_000), asset: "ZUSD")
        server.setPrice(Fixed(30_000), pair: "XBTUSD")
        let provider = ExchangeVenueProvider { venue in
            ExchangeSettings(venue: venue, apiKey: server.apiKey, apiSecret: server.apiSecret, restBaseURL: server.restBaseURL)
        }
        let connection = try await provider.connect(venue: "kraken", mode: .live, symbols: ["BTC/USD"], timeframe: .oneMinute)
        #expect(connection.exchange is any VenueConnectivity)
        let journal = InMemoryOrderJournal()
        let configuration = TradingSessionConfiguration(sessionId: "kraken-reconnect", symbols: ["BTC/USD"],
                                                        timeframe: .oneMinute, idPrefix: "kr")
        // Flat prices: sma_cross never trades; the only order is the one placed below.
        let session = try TradeSessionFactory.make(strategy: "sma_cross", assignments: ["fast=5", "slow=30"],
                                                   configuration: configuration, connection: connection, journal: journal,
                                                   logger: Logger(label: "test"))
        let typed = try #require(session as? TradingSession<SmaCross>)
        _ = try await session.start()
        let streams = connection.background.map { work in Task { await work() } }
        let runner = Task { try await session.run() }
        defer { streams?.cancel() }
        #expect(await eventually(30) { server.subscribers(channel: "ohlc") == 1 && server.subscribers(channel: "executions") == 1 })
        let feed = FakeVenueFeeds.kraken(server, price: Fixed(30_000), interval: .milliseconds(200))
        defer { feed.cancel() }
        #expect(await eventually(30) { await session.snapshot().bars >= 1 }, "no bar reached the session")

        let id = try await session.place(OrderRequest(clientOrderId: "", symbol: "BTC/USD", side: .buy, type: .limit,
                                                      quantity: Fixed("0.1")!, limitPrice: Fixed(29_000)))
        #expect(await eventually { server.orders.count == 1 })
        server.forceDisconnect()
        server.setPrice(Fixed(28_000), pair: "XBTUSD")  // filled while the executions socket is down
        #expect(server.accountTrades.count == 1)
        #expect(await eventually(30) { await typed.reconciliations.count >= 2 }, "the reconnect was not reported")
        #expect(await eventually(30) { await session.snapshot().fills == 1 })
        try await Task.sleep(for: .milliseconds(500))

        let snapshot = await session.snapshot()
        #expect(snapshot.fills == 1)
        #expect(snapshot.positions.first { $0.symbol == "BTC/USD" }?.quantity == Fixed("0.1"))
        let order = try #require(try await journal.order(clientOrderId: id))
        #expect(order.state == .filled)
        #expect(order.fills.map(\.tradeId) == server.accountTrades.map(\.txid))
        #expect(server.orders.count == 1)
        await session.stop()
        _ = try? await runner.value
    }
}
