import Testing
import TradingModel
@testable import Simulation

private let eth = Instrument(symbol: "ETH/USDT", tickSize: d("0.01"), lotSize: d("0.01"), minNotional: d("1"))

private func exchange(_ config: MatchingConfig = Fixture.plain) throws -> SimulatedExchange {
    try SimulatedExchange(instruments: [Fixture.instrument, eth], timeframe: .oneMinute, config: config)
}

private func ethOrder(_ id: String, _ side: OrderSide, quantity: String = "1") -> OrderRequest {
    OrderRequest(clientOrderId: id, symbol: "ETH/USDT", side: side, quantity: d(quantity))
}

@Test func instrumentsShareOneIdSpaceAndOneVenueIdSequence() throws {
    var venue = try exchange()
    var events: [ExecutionEvent] = []
    venue.submit(ethOrder("a", .buy), time: 1, events: &events)
    venue.submit(Fixture.order("b", .sell), time: 1, events: &events)
    venue.submit(Fixture.order("a", .buy), time: 2, events: &events)
    #expect(events == [
        .accepted(clientOrderId: "a", venueOrderId: "sim-1", time: 1),
        .accepted(clientOrderId: "b", venueOrderId: "sim-2", time: 1),
        .rejected(clientOrderId: "a", reason: "duplicate clientOrderId a: it was already used on this account", time: 2),
    ])
}

@Test func barsMatchOnlyTheirInstrumentAndTradeIdsAreShared() throws {
    var venue = try exchange()
    var events: [ExecutionEvent] = []
    venue.submit(ethOrder("a", .buy), time: 0, events: &events)
    venue.submit(Fixture.order("b", .sell), time: 0, events: &events)
    events.removeAll()
    try venue.process(Fixture.bar(1, 2000, 2010, 1990, 2005), instrumentIndex: 1, events: &events)
    #expect(venue.openOrders(symbol: "BTC/USDT").map(\.request.clientOrderId) == ["b"])
    try venue.process(Fixture.bar(1, 100, 101, 99, 100), instrumentIndex: 0, events: &events)
    #expect(events == [
        .filled(Fill(tradeId: "sim-t-1", clientOrderId: "a", venueOrderId: "sim-1", symbol: "ETH/USDT", side: .buy,
                     price: d("2000"), quantity: d("1"), fee: .zero, liquidity: .taker, time: Fixture.minute)),
        Fixture.fill("b", venue: "sim-2", trade: 2, .sell, price: "100", .taker),
    ])
    #expect(venue.openOrders().isEmpty)
}

@Test func unknownSymbolIsRejectedForSubmitAndCancel() throws {
    var venue = try exchange()
    var events: [ExecutionEvent] = []
    venue.submit(Fixture.order(.buy, symbol: "SOL/USDT"), time: 1, events: &events)
    venue.cancel(clientOrderId: "o1", symbol: "SOL/USDT", time: 2, events: &events)
    #expect(events == [
        .rejected(clientOrderId: "o1", reason: "unknown symbol SOL/USDT: this venue lists BTC/USDT, ETH/USDT", time: 1),
        .cancelRejected(clientOrderId: "o1", reason: "cancel: unknown symbol SOL/USDT: this venue lists BTC/USDT, ETH/USDT",
                  time: 2),
    ])
}

@Test func cancelRoutesBySymbol() throws {
    var venue = try exchange()
    var events: [ExecutionEvent] = []
    venue.submit(Fixture.order("a", .buy, .limit, limit: "90"), time: 1, events: &events)
    venue.submit(ethOrder("b", .buy), time: 1, events: &events)
    events.removeAll()
    venue.cancel(clientOrderId: "a", symbol: "ETH/USDT", time: 2, events: &events)
    venue.cancel(clientOrderId: "a", symbol: "BTC/USDT", time: 3, events: &events)
    #expect(events == [.cancelRejected(clientOrderId: "a", reason: "cancel: unknown order a on ETH/USDT", time: 2),
                       .canceled(clientOrderId: "a", reason: "canceled by client", time: 3)])
    #expect(venue.openOrders().map(\.request.clientOrderId) == ["b"])
    venue.cancelAll(time: 4, events: &events)
    #expect(venue.openOrders().isEmpty)
}

@Test func instrumentIndexFollowsTheListedOrder() throws {
    let venue = try exchange()
    #expect(venue.instrumentIndex(of: "BTC/USDT") == 0)
    #expect(venue.instrumentIndex(of: "ETH/USDT") == 1)
    #expect(venue.instrumentIndex(of: "SOL/USDT") == nil)
    #expect(venue.openOrders(symbol: "SOL/USDT").isEmpty)
}

@Test func unknownInstrumentIndexThrows() throws {
    var venue = try exchange()
    var events: [ExecutionEvent] = []
    #expect(throws: SimulationError.unknownInstrumentIndex(2, count: 2)) {
        try venue.process(Fixture.firstBar, instrumentIndex: 2, events: &events)
    }
}

@Test func duplicateInstrumentIsRefused() {
    #expect(throws: SimulationError.duplicateInstrument(symbol: "BTC/USDT")) {
        _ = try SimulatedExchange(instruments: [Fixture.instrument, Fixture.instrument], timeframe: .oneMinute)
    }
}

@Test func closeModeUsesEachInstrumentsOwnLastBar() throws {
    var venue = try exchange(MatchingConfig(fillMode: .close, fees: .zero))
    var events: [ExecutionEvent] = []
    try venue.process(Fixture.bar(0, 100, 101, 99, 100.5), instrumentIndex: 0, events: &events)
    try venue.process(Fixture.bar(0, 2000, 2010, 1990, 2004), instrumentIndex: 1, events: &events)
    venue.submit(ethOrder("a", .sell), time: Fixture.minute, events: &events)
    #expect(events.last == .filled(Fill(tradeId: "sim-t-1", clientOrderId: "a", venueOrderId: "sim-1",
                                        symbol: "ETH/USDT", side: .sell, price: d("2004"), quantity: d("1"),
                                        fee: .zero, liquidity: .taker, time: Fixture.minute)))
}
