import Foundation
import Persistence
import Testing
import TradingCore
import TradingModel
import VenueFakes

/// `graphwiz trade --mode live --exchange kraken` end to end: a spawned trader with the keys in its environment
/// against a fake Kraken on 127.0.0.1; the strategy's one order reaches the venue exactly once, SIGTERM stops it
/// with exit 0 and the journal agrees with the venue.
@Suite("trade: live on kraken", .serialized)
struct TradeKrakenLiveTests {
    @Test("dca buys once on kraken: one AddOrder, filled, journal consistent, SIGTERM exits 0")
    func liveKraken() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await FakeKrakenServer.run(limits: FakeKrakenLimits()) { server in
            try await scenario(server: server, db: dir.path("kraken-trade.sqlite"))
        }
    }

    /// `graphwiz trade --mode live` with dca (one buy on its first bar) on BTC/USD at `server`, journaling to `db`.
    static func spawnTrader(_ server: FakeKrakenServer, db: String) throws -> GraphwizProcess {
        try GraphwizProcess(
            "trade", arguments: ["--mode", "live", "--exchange", "kraken", "--base-url", server.restBaseURL,
                                 "--symbol", "BTC/USD", "--timeframe", "1m", "--strategy", "dca", "--param", "interval=1000",
                                 "--yes", "--skip-promotion-gate", "--db", db],
            environment: ["KRAKEN_API_KEY": server.apiKey, "KRAKEN_API_SECRET": server.apiSecret])
    }

    private func scenario(server: FakeKrakenServer, db: String) async throws {
        server.setBalance(Fixed(10_000), asset: "ZUSD")
        server.setPrice(Fixed(30_000), pair: "XBTUSD")
        let trader = try Self.spawnTrader(server, db: db)
        #expect(await trader.waitForLog("reconciliation with kraken", seconds: 60), "start: \(trader.log)")
        let subscribed = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < subscribed,
              server.subscribers(channel: "ohlc") < 1 || server.subscribers(channel: "executions") < 1 {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(server.subscribers(channel: "executions") == 1, "log: \(trader.log)")
        let feed = FakeVenueFeeds.kraken(server, price: Fixed(30_000), interval: .milliseconds(400))
        defer { feed.cancel() }
        // dca (interval 1000) buys on its first bar and not again in this test.
        let placed = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < placed, server.orders.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        let order = try #require(server.orders.first, "no order reached the venue: \(trader.log)")
        let clientOrderId = try #require(order.clOrdId)
        // Let the fill come back over the executions channel before stopping.
        try await Task.sleep(for: .seconds(2))
        #expect(await trader.stop(SIGTERM, seconds: 40) == 0, "graceful stop: \(trader.log)")
        #expect(server.orders.count == 1)
        #expect(server.privateCalls.filter { $0 == "AddOrder" }.count == 1)
        let trades = server.accountTrades
        #expect(trades.count == 1)
        try await SQLStore.withStore(path: db) { store in
            let journal = OrderJournalStore(store: store)
            let journaled = try #require(try await journal.order(clientOrderId: clientOrderId))
            #expect(journaled.state == .filled)
            #expect(journaled.fills.map(\.tradeId) == trades.map(\.txid))
            #expect(journaled.fills.reduce(Fixed.zero) { $0 + $1.quantity } == trades.reduce(Fixed.zero) { $0 + $1.volume })
            #expect(try await journal.unfinishedOrders().isEmpty)
            #expect(try await journal.orders(in: nil, session: nil).count == 1)
        }
        #expect(trader.log.contains("open position BTC/USD"), "summary: \(trader.log)")
    }
}
