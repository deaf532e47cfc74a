import Testing
import TradingCore
import TradingModel

@Suite("Live trading session: stop requests")
struct LiveSessionStopTests {
    /// A stop that arrives after start-up but before `run()` opened its input stream (SIGTERM right after the
    /// service reported READY) must still end the session; it used to be dropped and the session ran on.
    @Test func aStopBeforeRunIsNotLost() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let session = try LiveSessionTests.session(venue: venue, journal: InMemoryOrderJournal(),
                                                   closes: [100, 101, 102], stopWhenFeedEnds: false)
        _ = try await session.start()
        await session.stop()
        let returned = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await session.run()) != nil }
            group.addTask {
                try? await Task.sleep(for: .seconds(30))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(returned, "run() did not return after a stop requested before it started")
        #expect(await session.hasFinished)
    }

    /// The venue carried out the stop's cancel but its stream never said so within the grace period: the session
    /// asks the venue before it ends, so the journal holds the cancel, not an order still working.
    @Test func aCancelUnansweredAtTheDeadlineIsReconciledBeforeTheSessionEnds() async throws {
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        await venue.reportCancels(false)
        let journal = InMemoryOrderJournal()
        let parameters = try LiveScriptStrategy.parameterSpace.resolve(["enter": .int(100), "exit": .int(100)],
                                                                       strategy: "live_script")
        let session = TradingSession(
            strategy: try LiveScriptStrategy(parameters: parameters), parameters: parameters,
            configuration: TradingSessionConfiguration(sessionId: "grace", symbols: ["BTC/USDT"], timeframe: Timeframe(seconds: 3_600),
                                                       sizing: .fixed(Fixed(1)), idPrefix: "g", cancelOrdersOnStop: true,
                                                       stopGraceSeconds: 0.2, stopWhenFeedEnds: false),
            exchange: venue, marketData: LiveArrayFeed(bars: LiveFixture.bars([100, 101])), journal: journal,
            clock: VirtualClock(start: 10_000))
        _ = try await session.start()
        let runner = Task { try await session.run() }
        var waited = 0
        while await session.snapshot().bars < 2, waited < 500 { try await Task.sleep(for: .milliseconds(10)); waited += 1 }
        let id = try await session.place(OrderRequest(clientOrderId: "", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                      quantity: Fixed(1), limitPrice: Fixed(50)))
        waited = 0
        while try await journal.order(clientOrderId: id)?.state == .intent, waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        await session.stop()
        try await runner.value
        #expect(try await journal.order(clientOrderId: id)?.state == .canceled)
        #expect(try await journal.unfinishedOrders().isEmpty)
        #expect(await session.reconciliations.count == 2)  // the start's and the deadline's
    }
}
