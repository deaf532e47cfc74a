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
}
