import Simulation
import Testing
import TradingCore
import TradingModel
@testable import TradingApp

@Suite struct ReconnectReportingExchangeTests {
    private func paper() throws -> PaperExchange {
        let instrument = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!, minNotional: Fixed(5))
        return try PaperExchange(instruments: [instrument], timeframe: .oneHour, matching: MatchingConfig(),
                                 balances: [Balance(asset: "USDT", free: Fixed(1_000))], clock: VirtualClock(), name: "paper-test")
    }

    @Test func aReportedReconnectReachesTheSessionAsConnectivity() async throws {
        let wrapped = ReconnectReportingExchange(base: try paper())
        let venue: any Exchange = wrapped
        let connectivity = try #require(venue as? any VenueConnectivity)
        wrapped.reportReconnected()
        var iterator = connectivity.connectionEvents.makeAsyncIterator()
        #expect(await iterator.next() == .reconnected)
    }

    @Test func everyCallGoesToTheWrappedVenue() async throws {
        let base = try paper()
        let wrapped = ReconnectReportingExchange(base: base)
        #expect(wrapped.name == "paper-test")
        #expect(wrapped.capabilities == .simulated)
        #expect(try await wrapped.instruments().map(\.symbol) == ["BTC/USDT"])
        #expect(try await wrapped.balances() == base.balances())
        #expect(try await wrapped.openOrders(symbol: nil).isEmpty)
        #expect(try await wrapped.order(clientOrderId: "none", symbol: "BTC/USDT") == nil)
    }
}
