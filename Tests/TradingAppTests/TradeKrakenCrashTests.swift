import Foundation
import Persistence
import Testing
import TradingCore
import TradingModel
import VenueFakes

/// The crash test between the trades of one order: `graphwiz trade --mode live --exchange kraken` sends dca's
/// quote-volume market buy (`viqc`), which the fake Kraken executes in several trades; the `executions` channel
/// delivers only the first before the trader is SIGKILLed, so its journal holds a partially filled order whose
/// base quantity nobody knew in advance. The restarted trader must adopt the trades it never heard of from
/// `TradesHistory`, complete the order on the venue's word (QueryOrders: closed) and hold what the venue holds.
@Suite("trade crash: kraken, between the trades of a quote-volume buy", .serialized)
struct TradeKrakenCrashTests {
    @Test("killed after the first of several trades: the rest are adopted after restart, the order completes, the position is right")
    func killedBetweenTrades() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await FakeKrakenServer.run(limits: FakeKrakenLimits()) { server in
            try await scenario(server: server, db: dir.path("kraken-crash.sqlite"))
        }
    }

    /// Waits until the trader subscribed to both channels it needs.
    private func subscribed(_ server: FakeKrakenServer) async -> Bool {
        await eventually(30) { server.subscribers(channel: "ohlc") >= 1 && server.subscribers(channel: "executions") >= 1 }
    }

    private func scenario(server: FakeKrakenServer, db: String) async throws {
        server.setBalance(Fixed(10_000), asset: "ZUSD")
        server.setPrice(Fixed(30_000), pair: "XBTUSD")
        server.setFillSlices(3)
        server.holdExecutions(afterTrades: 1)

        let first = try TradeKrakenLiveTests.spawnTrader(server, db: db)
        #expect(await first.waitForLog("reconciliation with kraken", seconds: 60), "first start: \(first.log)")
        #expect(await subscribed(server), "first subscriptions: \(first.log)")
        let feed = FakeVenueFeeds.kraken(server, price: Fixed(30_000), interval: .milliseconds(400))
        defer { feed.cancel() }
        #expect(await eventually(30) { !server.orders.isEmpty }, "no order reached the venue: \(first.log)")
        let order = try #require(server.orders.first)
        let clientOrderId = try #require(order.clOrdId)
        let trades = server.accountTrades.filter { $0.orderTxid == order.txid }
        #expect(trades.count >= 3)
        // The first trade is journaled (the order partially filled), the rest never reached the trader.
        let journaledOne = await eventually(30) { (try? await Self.journaled(clientOrderId, db: db))?.fills.count == 1 }
        #expect(journaledOne, "the first trade should be journaled before the kill: \(first.log)")
        #expect(try await Self.journaled(clientOrderId, db: db)?.state == .partiallyFilled)
        #expect(await first.stop(SIGKILL, seconds: 10) != nil)
        feed.cancel()

        // What the executions channel held back died with the connection, as at the real venue.
        server.releaseExecutions()
        let second = try TradeKrakenLiveTests.spawnTrader(server, db: db)
        #expect(await second.waitForLog("reconciliation with kraken", seconds: 60), "restart: \(second.log)")
        #expect(second.log.contains("fills adopted (\(trades.count - 1)): \(clientOrderId) buy"), "restart: \(second.log)")
        // The restarted dca buys again on its first bar; its session starts from the venue's balance.
        #expect(await subscribed(server), "restart subscriptions: \(second.log)")
        let again = FakeVenueFeeds.kraken(server, price: Fixed(30_000), interval: .milliseconds(400))
        defer { again.cancel() }
        #expect(await eventually(30) { server.orders.count == 2 }, "no second order: \(second.log)")
        let secondTxid = server.orders.last?.txid ?? ""
        let secondId = server.orders.last?.clOrdId ?? ""
        let secondFilled = await eventually(30) { (try? await Self.journaled(secondId, db: db))?.state == .filled }
        let secondState = try? await Self.journaled(secondId, db: db)?.state
        #expect(secondFilled, "the second buy should fill, journal says \(String(describing: secondState)): \(second.log)")
        again.cancel()
        #expect(await second.stop(SIGTERM, seconds: 40) == 0, "graceful stop: \(second.log)")

        #expect(server.orders.filter { $0.clOrdId == clientOrderId }.count == 1)
        let journaled = try #require(try await Self.journaled(clientOrderId, db: db))
        #expect(journaled.state == .filled)
        #expect(journaled.fills.map(\.tradeId) == trades.map(\.txid))
        #expect(journaled.filledQuantity == trades.reduce(Fixed.zero) { $0 + $1.volume })
        #expect(try await SQLStore.withStore(path: db) { try await OrderJournalStore(store: $0).unfinishedOrders() }.isEmpty)
        // The session's position is what the venue holds: every trade of both buys, each once.
        let held = server.balance(asset: "XXBT")
        let secondVolume = server.accountTrades.filter { $0.orderTxid == secondTxid }.reduce(Fixed.zero) { $0 + $1.volume }
        #expect(held == journaled.filledQuantity + secondVolume)
        #expect(second.log.contains("open position BTC/USD \(held) @"), "summary: \(second.log)")
    }

    /// The journal's view of `clientOrderId` in `db` (nil before it is journaled).
    static func journaled(_ clientOrderId: String, db: String) async throws -> JournalOrder? {
        try await SQLStore.withStore(path: db) { store in
            try await OrderJournalStore(store: store).order(clientOrderId: clientOrderId)
        }
    }
}
