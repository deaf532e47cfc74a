import Foundation
import Persistence
import Synchronization
import Testing
import TradingCore
import TradingModel
import VenueFakes

/// The crash test: `graphwiz trade --mode live` against a fake Binance in this process is SIGKILLed at a chosen
/// point of its first order, restarted on the same database, and must end with exactly one order for that client
/// order id at the venue, the journal reconciled to the venue's fill, and the position equal to the venue's balance.
@Suite("trade crash", .serialized)
struct TradeCrashTests {
    static let key = "crash-test-key"
    static let secret = "crash-test-secret"

    /// Where the first process dies.
    enum CrashPoint: String, CaseIterable, Sendable {
        /// The venue recorded (and filled) the order; its answer is held, so the process never saw the ack.
        case recordedAnswerHeld
        /// The venue's answer never comes (the client is still waiting when killed).
        case answerDropped
        /// The answer arrived (ack and fill) before the kill.
        case afterAnswer
    }

    @Test("a live trader killed during its first order is reconciled after restart: one order, journal filled, position right",
          arguments: CrashPoint.allCases)
    func killAndRestart(point: CrashPoint) async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("crash.sqlite")
        try await FakeBinanceServer.run(apiKey: Self.key, apiSecret: Self.secret) { server in
            try await scenario(point: point, server: server, db: db)
        }
    }

    private func spawn(_ server: FakeBinanceServer, db: String) throws -> GraphwizProcess {
        try GraphwizProcess("trade", arguments: ["--mode", "live", "--exchange", "binance", "--base-url", server.baseURL, "--symbol", "BTC/USDT",
                                     "--timeframe", "1m", "--strategy", "dca", "--param", "interval=1000", "--yes",
                                     "--skip-promotion-gate", "--db", db],
                         environment: ["BINANCE_API_KEY": Self.key, "BINANCE_API_SECRET": Self.secret])
    }

    private func scenario(point: CrashPoint, server: FakeBinanceServer, db: String) async throws {
        let state = server.state
        await state.setPrice("BTCUSDT", Fixed(40_000))
        await state.setBalance("USDT", Fixed(10_000))
        switch point {
        case .recordedAnswerHeld: await state.setNextOrderAnswer(.delay(.seconds(60)))
        case .answerDropped: await state.setNextOrderAnswer(.drop)
        case .afterAnswer: await state.setNextOrderAnswer(.normal)
        }
        let first = try spawn(server, db: db)
        #expect(await first.waitForLog("reconciliation with binance", seconds: 60), "first start: \(first.log)")
        // One closed bar makes dca place its buy; push until the venue has recorded it.
        let minute: Int64 = 60_000
        let t0 = (WallClock().now() / minute - 70) * minute
        let deadline = ContinuousClock.now + .seconds(20)
        var i: Int64 = 0
        while ContinuousClock.now < deadline, await state.allOrders().isEmpty {
            if i < 60 {
                let bar = Bar(time: t0 + i * minute, open: 40_000, high: 40_010, low: 39_990, close: 40_000, volume: 1)
                await state.pushKline("BTCUSDT", interval: "1m", bar: bar, closed: true)
                i += 1
            }
            try await Task.sleep(for: .milliseconds(300))
        }
        let recorded = await state.allOrders()
        try #require(recorded.count == 1, "the venue should hold the first order: \(first.log)")
        let clientOrderId = recorded[0].clientOrderId
        if point == .afterAnswer {
            try await Task.sleep(for: .seconds(1))
        }
        #expect(await first.stop(SIGKILL, seconds: 10) != nil)

        let second = try spawn(server, db: db)
        #expect(await second.waitForLog("reconciliation with binance", seconds: 60), "restart: \(second.log)")
        let adopted = await state.allOrders()[0].executedQty
        if point == .afterAnswer {
            // The ack and fill were journaled before the kill: nothing is left to reconcile.
            #expect(second.log.contains("reconciliation with binance: 0 unfinished journal order(s) checked, journal and venue agree"),
                    "restart: \(second.log)")
        } else {
            #expect(second.log.contains("fills adopted (1): \(clientOrderId) buy \(adopted) @ 40000"), "restart: \(second.log)")
        }
        let baseAfterFirst = await state.balance("BTC").free
        // The restarted strategy buys again on its first bar: the session's position must hold both buys.
        await state.setNextOrderAnswer(.normal)
        let again = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < again, await state.allOrders().count < 2 {
            let bar = Bar(time: t0 + i * minute, open: 40_000, high: 40_010, low: 39_990, close: 40_000, volume: 1)
            await state.pushKline("BTCUSDT", interval: "1m", bar: bar, closed: true)
            if i < 69 { i += 1 }
            try await Task.sleep(for: .milliseconds(300))
        }
        try await Task.sleep(for: .seconds(1))
        #expect(await second.stop(SIGTERM, seconds: 20) == 0, "graceful stop: \(second.log)")

        let venueOrders = await state.allOrders()
        #expect(venueOrders.filter { $0.clientOrderId == clientOrderId }.count == 1)
        #expect(venueOrders.count == 2)
        let executed = venueOrders[0].executedQty
        #expect(executed.isPositive)
        try await SQLStore.withStore(path: db) { store in
            let journal = OrderJournalStore(store: store)
            let order = try #require(try await journal.order(clientOrderId: clientOrderId))
            #expect(order.state == .filled)
            #expect(order.fills.reduce(Fixed.zero) { $0 + $1.quantity } == executed)
            #expect(try await journal.unfinishedOrders().isEmpty)
        }
        // The restarted session starts from the venue's balance (first buy included, once) and adds its own buy,
        // less the commission the venue took from it in BTC: the session's position is what the venue holds.
        let held = await state.balance("BTC")
        let commission = venueOrders[1].executedQty * Fixed("0.001")!
        #expect(held.free + held.locked == baseAfterFirst + venueOrders[1].executedQty - commission)
        #expect(second.log.contains("open position BTC/USDT \(held.free + held.locked) @"), "summary: \(second.log)")
    }
}
