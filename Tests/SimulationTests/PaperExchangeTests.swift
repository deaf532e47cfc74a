import Synchronization
import Testing
import TradingCore
import TradingModel
@testable import Simulation

@Suite("Paper exchange")
struct PaperExchangeTests {
    static func venue() throws -> PaperExchange {
        try PaperExchange(instruments: [Fixture.instrument], timeframe: .oneMinute, matching: Fixture.plain,
                          balances: [Balance(asset: "USDT", free: d("1000"))], clock: VirtualClock())
    }

    static func collect(_ venue: PaperExchange, count: Int) async -> [ExecutionEvent] {
        var collected: [ExecutionEvent] = []
        for await event in venue.events {
            collected.append(event)
            if collected.count == count { break }
        }
        return collected
    }

    @Test("a market buy is acknowledged at once and fills at the next bar's open; balances follow the fill")
    func marketBuy() async throws {
        let venue = try Self.venue()
        #expect(try await venue.process(Fixture.firstBar, symbol: Fixture.symbol) == 0)
        try await venue.submit(Fixture.order(.buy, quantity: "2"))
        let emitted = try await venue.process(Fixture.bar(1, 101, 102, 100, 101), symbol: Fixture.symbol)
        #expect(emitted == 2)
        let events = await Self.collect(venue, count: 2)
        #expect(events == [.accepted(clientOrderId: "o1", venueOrderId: "sim-1", time: 0),
                           Fixture.fill(trade: 1, .buy, price: "101", quantity: "2", .taker)])
        #expect(try await venue.balances() == [Balance(asset: "BTC", free: d("2")),
                                                Balance(asset: "USDT", free: d("798"))])
        #expect(try await venue.order(clientOrderId: "o1", symbol: Fixture.symbol)?.status == .filled)
        #expect(try await venue.fills(symbol: Fixture.symbol, since: 0).map(\.tradeId) == ["sim-t-1"])
        #expect(try await venue.fills(symbol: Fixture.symbol, since: Fixture.minute + 1).isEmpty)
    }

    @Test("the events emitted after a count are handed over in order, the same the stream delivers, while the venue holds them")
    func emittedEventsAfterACount() async throws {
        let venue = try Self.venue()
        _ = try await venue.process(Fixture.firstBar, symbol: Fixture.symbol)
        try await venue.submit(Fixture.order(.buy, quantity: "2"))
        let emitted = try await venue.process(Fixture.bar(1, 101, 102, 100, 101), symbol: Fixture.symbol)
        let streamed = await Self.collect(venue, count: 2)
        #expect(venue.emittedEvents(after: 0) == streamed)
        #expect(venue.emittedEvents(after: 1) == [streamed[1]])
        #expect(venue.emittedEvents(after: emitted) == [])
        // Past its capacity the oldest are gone: nil for a count that needs them, the newest still there.
        for i in 0..<PaperExchange.recentCapacity {
            try await venue.submit(Fixture.order("l\(i)", .buy, .limit, limit: "50"))
        }
        let total = venue.emittedCount
        #expect(total == 2 + PaperExchange.recentCapacity)
        #expect(venue.emittedEvents(after: 1) == nil)
        let newest = try #require(venue.emittedEvents(after: 2))
        #expect(newest.count == PaperExchange.recentCapacity)
        #expect(newest.first?.clientOrderId == "l0")
        #expect(newest.last?.clientOrderId == "l\(PaperExchange.recentCapacity - 1)")
    }

    @Test("a client order id is accepted once: a second submit throws duplicate_order and creates nothing")
    func idempotentSubmit() async throws {
        let venue = try Self.venue()
        try await venue.submit(Fixture.order(.buy, .limit, limit: "90"))
        await #expect { try await venue.submit(Fixture.order(.buy, .limit, limit: "90")) } throws: { error in
            (error as? ExchangeError)?.kind == .duplicateOrder
        }
        #expect(try await venue.openOrders(symbol: nil).count == 1)
        #expect(venue.emittedCount == 1)
    }

    @Test("cancel removes a resting order and is reported as an event")
    func cancel() async throws {
        let venue = try Self.venue()
        try await venue.submit(Fixture.order(.buy, .limit, limit: "90"))
        try await venue.cancel(clientOrderId: "o1", symbol: Fixture.symbol)
        let events = await Self.collect(venue, count: 2)
        guard case .canceled(clientOrderId: "o1", _, _) = events[1] else {
            Issue.record("expected a cancel, got \(events)")
            return
        }
        #expect(try await venue.openOrders(symbol: nil).isEmpty)
    }

    @Test("a replay hands out every bar in order and fails for a symbol it has no data for")
    func replay() async throws {
        let bars = [Fixture.bar(0, 1, 1, 1, 1), Fixture.bar(1, 2, 2, 2, 2)]
        let source = ReplayMarketDataSource(series: ["A/B": bars], barsPerSecond: 0)
        var seen: [Bar] = []
        for try await bar in source.bars(symbol: "A/B", timeframe: .oneMinute) { seen.append(bar) }
        #expect(seen == bars)
        await #expect(throws: ReplayError(message: "no replay data for X/Y; the replay has A/B")) {
            for try await _ in source.bars(symbol: "X/Y", timeframe: .oneMinute) {}
        }
    }

    @Test("several symbols replayed together come out in time order, each ending once, an unknown one failing at once")
    func replayInterleavesByTime() async throws {
        let a = [Fixture.bar(0, 1, 1, 1, 1), Fixture.bar(1, 2, 2, 2, 2), Fixture.bar(2, 3, 3, 3, 3)]
        let b = [Fixture.bar(1, 10, 10, 10, 10), Fixture.bar(2, 20, 20, 20, 20)]
        let source = ReplayMarketDataSource(series: ["A/B": a, "C/D": b], barsPerSecond: 0)
        let seen = Mutex<[BarDelivery]>([])
        await source.deliverBars(symbols: ["C/D", "X/Y", "A/B"], timeframe: .oneMinute) { delivery in
            seen.withLock { $0.append(delivery) }
        }
        #expect(seen.withLock { $0 } == [
            .ended(instrument: 1, error: "X/Y feed: no replay data for X/Y; the replay has A/B, C/D"),
            .bar(a[0], instrument: 2),
            .bar(b[0], instrument: 0), .bar(a[1], instrument: 2),
            .bar(b[1], instrument: 0), .ended(instrument: 0, error: nil), .bar(a[2], instrument: 2),
            .ended(instrument: 2, error: nil),
        ])
    }
}
