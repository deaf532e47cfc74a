import Testing
import TradingCore
import TradingModel

/// Long from the second bar, flat from the fourth.
struct LiveScriptStrategy: Strategy {
    static let name = "live_script"
    static let summary = "long on bar `enter`, flat on bar `exit`"
    static let parameterSpace = ParameterSpace([
        .init("enter", .int(min: 0, max: 100, step: 1), default: .int(1), help: "bar index to go long"),
        .init("exit", .int(min: 0, max: 100, step: 1), default: .int(3), help: "bar index to go flat"),
    ])
    var enter: Int
    var exit: Int
    var seen = 0
    init(parameters: ParameterValues) throws(ParameterError) {
        enter = parameters.int("enter")
        exit = parameters.int("exit")
    }
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        if seen == enter { context.target(instrument, .long, tag: "enter") }
        if seen == exit { context.target(instrument, .flat, tag: "exit") }
        seen += 1
    }
}

@Suite("Live trading session")
struct LiveSessionTests {
    static func session(venue: LiveFakeExchange, journal: InMemoryOrderJournal, closes: [Double],
                        enter: Int = 1, exit: Int = 3, stopWhenFeedEnds: Bool = true) throws -> TradingSession<LiveScriptStrategy> {
        let parameters = try LiveScriptStrategy.parameterSpace.resolve(["enter": .int(enter), "exit": .int(exit)],
                                                                       strategy: "live_script")
        return TradingSession(
            strategy: try LiveScriptStrategy(parameters: parameters), parameters: parameters,
            configuration: TradingSessionConfiguration(sessionId: "test", symbols: ["BTC/USDT"], timeframe: Timeframe(seconds: 3_600),
                                                       sizing: .fixed(Fixed(2)), idPrefix: "t", stopWhenFeedEnds: stopWhenFeedEnds),
            exchange: venue, marketData: LiveArrayFeed(bars: LiveFixture.bars(closes)), journal: journal,
            clock: VirtualClock(start: 10_000))
    }

    @Test("fills flow back as events: the position opens and closes and the journal has both orders filled")
    func roundTrip() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let journal = InMemoryOrderJournal()
        let session = try Self.session(venue: venue, journal: journal, closes: [100, 101, 102, 104, 105, 106])
        let report = try await session.start()
        #expect(report.isClean)
        try await session.run()
        let snapshot = await session.snapshot()
        #expect(snapshot.fills == 2)
        #expect(snapshot.positions.map(\.quantity) == [.zero])
        #expect(snapshot.trades.count == 1)
        #expect(snapshot.trades.first?.entryPrice == Fixed(101))
        #expect(snapshot.trades.first?.exitPrice == Fixed(104))
        #expect(snapshot.cash == Fixed(10_006))
        #expect(snapshot.bars == 6)
        let orders = try await journal.orders(in: nil, session: "test")
        #expect(orders.map(\.clientOrderId) == ["t-1", "t-2"])
        #expect(orders.map(\.state) == [.filled, .filled])
        #expect(await venue.submits == 2)
    }

    @Test("while the position is open the ledger holds it at the venue's fill price")
    func openPosition() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let session = try Self.session(venue: venue, journal: InMemoryOrderJournal(), closes: [100, 101, 102],
                                       exit: 50)
        try await session.start()
        try await session.run()
        let snapshot = await session.snapshot()
        #expect(snapshot.positions.first?.quantity == Fixed(2))
        #expect(snapshot.positions.first?.averageEntryPrice == Fixed(101))
        #expect(snapshot.equity == Fixed(10_002))
        #expect(snapshot.balances.map(\.asset) == ["USDT", "BTC"])
    }

    @Test("a submit whose outcome is unknown is reconciled, not resubmitted")
    func unknownOutcome() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        await venue.failNextSubmit(.timeoutAfterReaching)
        let journal = InMemoryOrderJournal()
        let session = try Self.session(venue: venue, journal: journal, closes: [100, 101, 102], exit: 50)
        try await session.start()
        try await session.run()
        #expect(await venue.submits == 1)
        let entry = try #require(try await journal.order(clientOrderId: "t-1"))
        #expect(entry.state == .filled)
        #expect(entry.fills.map(\.tradeId) == ["t1"])
        let snapshot = await session.snapshot()
        #expect(snapshot.positions.first?.quantity == Fixed(2))
        #expect(await session.reconciliations.count == 2)
    }

    @Test("a submit the venue refused for certain is journaled as failed and the kernel sees a rejection")
    func refusedSubmit() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        await venue.failNextSubmit(.refused)
        let journal = InMemoryOrderJournal()
        let session = try Self.session(venue: venue, journal: journal, closes: [100, 101, 102], exit: 50)
        try await session.start()
        try await session.run()
        #expect(try await journal.order(clientOrderId: "t-1")?.state == .failed)
        let snapshot = await session.snapshot()
        #expect(snapshot.positions.first?.quantity == .zero)
        #expect(snapshot.rejections.map(\.code) == ["venue_rejected"])
    }

    @Test("an operator halt refuses new orders; a manual order passes the risk checks once resumed")
    func haltAndManual() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let journal = InMemoryOrderJournal()
        let session = try Self.session(venue: venue, journal: journal, closes: [100, 101, 102], enter: 50, exit: 50,
                                       stopWhenFeedEnds: false)
        try await session.start()
        async let running: Void = session.run()
        for _ in 0..<3_000 where await session.snapshot().bars < 3 { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(await session.snapshot().bars == 3)
        await session.halt(reason: "test")
        await #expect(throws: SessionError.unavailable("session test is halted by the operator: test")) {
            try await session.place(LiveFixture.request("", quantity: "1"))
        }
        await session.resume(reason: "ok")
        await #expect(throws: SessionError.self) {
            try await session.place(LiveFixture.request("", quantity: "0.00001"))
        }
        let id = try await session.place(LiveFixture.request("", quantity: "1"))
        #expect(id == "t-2")  // the refused order used t-1: ids are never reused
        #expect(try await journal.order(clientOrderId: "t-1") == nil)
        #expect(try await journal.order(clientOrderId: "t-2")?.strategy == "manual")
        await session.stop()
        try await running
        #expect(await session.hasFinished)
    }

    @Test("after a reconnect the session reconciles and applies a fill it missed while the stream was down")
    func reconnectAdoptsMissedFill() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let journal = InMemoryOrderJournal()
        let session = try Self.session(venue: venue, journal: journal, closes: [100, 101, 102], enter: 50, exit: 50,
                                       stopWhenFeedEnds: false)
        try await session.start()
        async let running: Void = session.run()
        for _ in 0..<3_000 where await session.snapshot().bars < 3 { try await Task.sleep(nanoseconds: 10_000_000) }
        let id = try await session.place(LiveFixture.request("", type: .limit, quantity: "1"))
        await venue.fillSilently(id, price: Fixed(90))
        await venue.reconnect()
        for _ in 0..<3_000 where await session.snapshot().positions.first?.quantity != Fixed(1) {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        let snapshot = await session.snapshot()
        #expect(snapshot.positions.first?.quantity == Fixed(1))
        #expect(snapshot.positions.first?.averageEntryPrice == Fixed(90))
        #expect(await session.reconciliations.last?.adoptedFills.map(\.tradeId) == ["silent-\(id)"])
        #expect(try await journal.order(clientOrderId: id)?.state == .filled)
        #expect(await venue.submits == 1)
        await session.stop()
        try await running
    }

    @Test("a fill adopted by the reconciliation after a reconnect and delivered again by the stream moves the position once")
    func missedFillAdoptedOnce() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let journal = InMemoryOrderJournal()
        let session = try Self.session(venue: venue, journal: journal, closes: [100, 101, 102], enter: 50, exit: 50,
                                       stopWhenFeedEnds: false)
        try await session.start()
        async let running: Void = session.run()
        for _ in 0..<3_000 where await session.snapshot().bars < 3 { try await Task.sleep(nanoseconds: 10_000_000) }
        let id = try await session.place(LiveFixture.request("", type: .limit, quantity: "1"))
        await venue.fillSilently(id, price: Fixed(90))
        await venue.reconnect()
        for _ in 0..<3_000 where await session.reconciliations.count < 2 { try await Task.sleep(nanoseconds: 10_000_000) }
        // The stream comes back with the same fill (as Kraken's backfill or a late execution report would).
        await venue.deliverFillsLate(id)
        await venue.reconnect()
        for _ in 0..<3_000 where await session.reconciliations.count < 3 { try await Task.sleep(nanoseconds: 10_000_000) }
        try await Task.sleep(nanoseconds: 200_000_000)
        let snapshot = await session.snapshot()
        #expect(snapshot.positions.first?.quantity == Fixed(1))
        #expect(snapshot.fills == 1)
        #expect(await session.reconciliations.map(\.adoptedFills.count) == [0, 1, 0])
        #expect(try await journal.order(clientOrderId: id)?.fills.count == 1)
        await session.stop()
        try await running
    }

    @Test("new parameters are validated and take effect")
    func parameters() async throws {
        let session = try Self.session(venue: LiveFakeExchange(instruments: [LiveFixture.btc]),
                                       journal: InMemoryOrderJournal(), closes: [100])
        let updated = try await session.updateParameters(["exit": .int(7)])
        #expect(updated.int("exit") == 7)
        #expect(updated.int("enter") == 1)
        await #expect(throws: SessionError.self) { try await session.updateParameters(["exit": .int(1_000)]) }
        #expect(await session.snapshot().parameters.int("exit") == 7)
    }
}
