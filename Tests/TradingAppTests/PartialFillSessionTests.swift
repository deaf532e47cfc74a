import Exchanges
import Foundation
import Logging
import Strategies
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import TradingApp

/// A live session on Binance and Kraken fakes that fill a resting order in slices: one slice arrives on the
/// execution stream, two more while the stream is down (adopted once after the reconnect, by the reconciler
/// and, on Kraken, the adapter's backfill too), then the order is canceled with a quarter unfilled. The
/// position is the executed part and the journal holds every trade once.
@Suite("partial fills: live sessions", .serialized)
struct PartialFillSessionTests {
    static let binanceKey = "partial-binance-key"
    static let binanceSecret = "partial-binance-secret"

    @Test("binance: partial fills across a user data disconnect, then a cancel: position = executed part, each fill once")
    func binancePartialFillsAcrossDisconnectThenCancel() async throws {
        try await FakeBinanceServer.run(apiKey: Self.binanceKey, apiSecret: Self.binanceSecret) { server in
            try await binanceScenario(server)
        }
    }

    private func binanceScenario(_ server: FakeBinanceServer) async throws {
        let venue = server.state
        await venue.setFillSlices(4)
        await venue.setBalance("BTC", .zero)  // the session starts flat: its position is what the order bought
        let provider = ExchangeVenueProvider { name in
            ExchangeSettings(venue: name, apiKey: Self.binanceKey, apiSecret: Self.binanceSecret, restBaseURL: server.baseURL)
        }
        let connection = try await provider.connect(venue: "binance", mode: .live, symbols: ["BTC/USDT"], timeframe: .oneMinute)
        let journal = InMemoryOrderJournal()
        let (session, typed) = try makeSession(connection, journal: journal, id: "binance-partial", symbol: "BTC/USDT")
        _ = try await session.start()
        let streams = connection.background.map { work in Task { await work() } }
        let runner = Task { try await session.run() }
        defer { streams?.cancel() }
        let feed = FakeVenueFeeds.binance(venue, price: 50_000, interval: .milliseconds(200))
        defer { feed.cancel() }
        #expect(await eventually(30) { await session.snapshot().bars >= 1 }, "no bar reached the session")
        #expect(await eventually(30) { await venue.connectionCount() >= 2 }, "no user data stream")

        let id = try await session.place(OrderRequest(clientOrderId: "", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                      quantity: Fixed("0.04")!, limitPrice: 49_000))
        #expect(await eventually { await venue.allOrders().count == 1 })
        await venue.setPrice("BTCUSDT", 48_000)  // slice 1, on the stream
        #expect(await eventually(30) { await session.snapshot().fills == 1 })
        #expect(try await journal.order(clientOrderId: id)?.state == .partiallyFilled)

        await venue.disconnectAll()
        await venue.setPrice("BTCUSDT", 48_000)  // slices 2 and 3 while the user data stream is down
        await venue.setPrice("BTCUSDT", 48_000)
        #expect(await venue.allTrades().count == 3)
        #expect(await eventually(30) { await typed.reconciliations.count >= 2 }, "the reconnect was not reported")
        #expect(await eventually(30) { await session.snapshot().fills == 3 })
        #expect(try await journal.order(clientOrderId: id)?.state == .partiallyFilled)

        try await session.cancel(clientOrderId: id)
        #expect(await eventually(30) { try await journal.order(clientOrderId: id)?.state == .canceled })
        try await Task.sleep(for: .milliseconds(500))

        let trades = await venue.allTrades()
        let snapshot = await session.snapshot()
        #expect(snapshot.fills == 3)
        // Binance takes a buy's commission in the base asset: the position is what the account received.
        let received = trades.reduce(Fixed.zero) { $0 + $1.quantity - $1.commission }
        #expect(received == Fixed("0.03")! - Fixed("0.00003")!)
        #expect(snapshot.positions.first { $0.symbol == "BTC/USDT" }?.quantity == received)
        let order = try #require(try await journal.order(clientOrderId: id))
        #expect(order.state == .canceled)
        #expect(order.fills.map(\.tradeId) == trades.map { String($0.id) })
        #expect(order.filledQuantity == Fixed("0.03")!)
        let atVenue = try #require(await venue.allOrders().first)
        #expect(atVenue.status == "CANCELED")
        #expect(atVenue.executedQty == Fixed("0.03")!)
        await session.stop()
        _ = try? await runner.value
    }

    @Test("kraken: partial fills across an executions disconnect, then a cancel: position = executed part, each fill once")
    func krakenPartialFillsAcrossDisconnectThenCancel() async throws {
        try await FakeKrakenServer.run { server in try await krakenScenario(server) }
    }

    private func krakenScenario(_ server: FakeKrakenServer) async throws {
        server.setBalance(Fixed(100_000), asset: "ZUSD")
        server.setPrice(Fixed(30_000), pair: "XBTUSD")
        server.setFillSlices(4)
        let provider = ExchangeVenueProvider { venue in
            ExchangeSettings(venue: venue, apiKey: server.apiKey, apiSecret: server.apiSecret, restBaseURL: server.restBaseURL)
        }
        let connection = try await provider.connect(venue: "kraken", mode: .live, symbols: ["BTC/USD"], timeframe: .oneMinute)
        let journal = InMemoryOrderJournal()
        let (session, typed) = try makeSession(connection, journal: journal, id: "kraken-partial", symbol: "BTC/USD")
        _ = try await session.start()
        let streams = connection.background.map { work in Task { await work() } }
        let runner = Task { try await session.run() }
        defer { streams?.cancel() }
        #expect(await eventually(30) { server.subscribers(channel: "ohlc") == 1 && server.subscribers(channel: "executions") == 1 })
        let feed = FakeVenueFeeds.kraken(server, price: Fixed(30_000), interval: .milliseconds(200))
        defer { feed.cancel() }
        #expect(await eventually(30) { await session.snapshot().bars >= 1 }, "no bar reached the session")

        let id = try await session.place(OrderRequest(clientOrderId: "", symbol: "BTC/USD", side: .buy, type: .limit,
                                                      quantity: Fixed("0.4")!, limitPrice: Fixed(29_000)))
        #expect(await eventually { server.orders.count == 1 })
        server.setPrice(Fixed(28_000), pair: "XBTUSD")  // slice 1, on the executions channel
        #expect(await eventually(30) { await session.snapshot().fills == 1 })
        #expect(try await journal.order(clientOrderId: id)?.state == .partiallyFilled)

        server.forceDisconnect()
        server.setPrice(Fixed(28_000), pair: "XBTUSD")  // slices 2 and 3 while the executions socket is down
        server.setPrice(Fixed(28_000), pair: "XBTUSD")
        #expect(server.accountTrades.count == 3)
        #expect(await eventually(30) { await typed.reconciliations.count >= 2 }, "the reconnect was not reported")
        #expect(await eventually(30) { await session.snapshot().fills == 3 })
        #expect(server.orders.first?.status == "open")

        try await session.cancel(clientOrderId: id)
        #expect(await eventually(30) { try await journal.order(clientOrderId: id)?.state == .canceled })
        try await Task.sleep(for: .milliseconds(500))

        let snapshot = await session.snapshot()
        #expect(snapshot.fills == 3)
        #expect(snapshot.positions.first { $0.symbol == "BTC/USD" }?.quantity == Fixed("0.3"))
        let order = try #require(try await journal.order(clientOrderId: id))
        #expect(order.state == .canceled)
        #expect(order.fills.map(\.tradeId) == server.accountTrades.map(\.txid))
        #expect(order.filledQuantity == Fixed("0.3")!)
        #expect(server.orders.first?.status == "canceled")
        #expect(server.orders.first?.executed == Fixed("0.3")!)
        await session.stop()
        _ = try? await runner.value
    }

    /// An sma_cross session (flat prices: it never trades; the only order is the test's).
    private func makeSession(_ connection: VenueConnection, journal: InMemoryOrderJournal, id: String,
                             symbol: String) throws -> (any TradingSessionLifecycle, TradingSession<SmaCross>) {
        let configuration = TradingSessionConfiguration(sessionId: id, symbols: [symbol], timeframe: .oneMinute, idPrefix: "pf")
        let session = try TradeSessionFactory.make(strategy: "sma_cross", assignments: ["fast=5", "slow=30"],
                                                   configuration: configuration, connection: connection, journal: journal,
                                                   logger: Logger(label: "test"))
        let typed = try #require(session as? TradingSession<SmaCross>)
        return (session, typed)
    }
}
