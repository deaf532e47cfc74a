import Testing
import TradingModel
@testable import Simulation

@Test func nextOpenMarketOrderDoesNotTouchTheBarItWasDecidedOn() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy))
    #expect(engine.openOrders.map(\.status) == [.accepted])
    let events = try Fixture.events(processing: [Fixture.bar(1, 103, 104, 102, 103.5)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "103", .taker, time: Fixture.minute)])
    #expect(engine.openOrders.isEmpty)
}

@Test func closeModeMarketOrderFillsAtTheLastCloseAtCloseTime() throws {
    let config = MatchingConfig(fillMode: .close, fees: .zero)
    var engine = Fixture.engine(config)
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.bar(0, 100, 101, 99, 100.5), events: &events)
    engine.submit(Fixture.order(.sell), time: Fixture.minute, events: &events)
    #expect(events == [.accepted(clientOrderId: "o1", venueOrderId: "sim-1", time: Fixture.minute),
                       Fixture.fill(.sell, price: "100.5", .taker, time: Fixture.minute)])
    #expect(engine.openOrders.isEmpty)
}

/// Close mode, last close 100.5: which orders fill on arrival, and at what.
struct CloseArrivalCase: Sendable, CustomTestStringConvertible {
    let name: String
    let request: OrderRequest
    let triggers: Bool
    let price: String?
    var testDescription: String { name }
}

let closeArrivalCases: [CloseArrivalCase] = [
    CloseArrivalCase(name: "marketable limit buy takes at the close",
                     request: Fixture.order(.buy, .limit, limit: "101"), triggers: false, price: "100.5"),
    CloseArrivalCase(name: "limit buy below the close rests",
                     request: Fixture.order(.buy, .limit, limit: "100"), triggers: false, price: nil),
    CloseArrivalCase(name: "stop buy below the close triggers and takes at the close",
                     request: Fixture.order(.buy, .stopMarket, stop: "100"), triggers: true, price: "100.5"),
    CloseArrivalCase(name: "stop buy above the close waits",
                     request: Fixture.order(.buy, .stopMarket, stop: "101"), triggers: false, price: nil),
    CloseArrivalCase(name: "take-profit sell below the close triggers and takes at the close",
                     request: Fixture.order(.sell, .takeProfit, stop: "100"), triggers: true, price: "100.5"),
    CloseArrivalCase(name: "stop-limit buy triggered with a marketable limit takes at the close",
                     request: Fixture.order(.buy, .stopLimit, limit: "101", stop: "100"), triggers: true,
                     price: "100.5"),
    CloseArrivalCase(name: "stop-limit buy triggered with a limit below the close rests triggered",
                     request: Fixture.order(.buy, .stopLimit, limit: "100.2", stop: "100"), triggers: true,
                     price: nil),
]

@Test(arguments: closeArrivalCases)
func closeModeArrivalFillsMarketableOrdersAtTheClose(_ c: CloseArrivalCase) throws {
    var engine = Fixture.engine(MatchingConfig(fillMode: .close, fees: .zero))
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.bar(0, 100, 101, 99, 100.5), events: &events)
    engine.submit(c.request, time: Fixture.minute, events: &events)
    var expected: [ExecutionEvent] = [.accepted(clientOrderId: "o1", venueOrderId: "sim-1", time: Fixture.minute)]
    if c.triggers { expected.append(.triggered(clientOrderId: "o1", time: Fixture.minute)) }
    if let price = c.price { expected.append(Fixture.fill(c.request.side, price: price, .taker)) }
    #expect(events == expected)
    #expect(engine.openOrders.count == (c.price == nil ? 1 : 0))
}

@Test func closeModeRestingLimitMakesFromTheNextBarOn() throws {
    var engine = Fixture.engine(MatchingConfig(fillMode: .close, fees: .zero))
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.bar(0, 100, 101, 99, 100.5), events: &events)
    engine.submit(Fixture.order(.buy, .limit, limit: "100"), time: Fixture.minute, events: &events)
    events.removeAll()
    // The next open gaps below the limit: the order was resting since the close, so it is a maker.
    try engine.process(Fixture.bar(1, 99.8, 100.2, 99.5, 100), events: &events)
    #expect(events == [Fixture.fill(.buy, price: "99.8", .maker, time: Fixture.minute)])
}

@Test func closeModeBeforeAnyBarWaitsForTheFirstOpen() throws {
    var engine = Fixture.engine(MatchingConfig(fillMode: .close, fees: .zero))
    var events: [ExecutionEvent] = []
    engine.submit(Fixture.order(.buy), time: 0, events: &events)
    #expect(events == [.accepted(clientOrderId: "o1", venueOrderId: "sim-1", time: 0)])
    events.removeAll()
    try engine.process(Fixture.bar(1, 100.25, 101, 100, 100.5), events: &events)
    #expect(events == [Fixture.fill(.buy, price: "100.25", .taker, time: Fixture.minute)])
}

@Test func rangeFillsCarryTheBarOpenTime() throws {
    var engine = try Fixture.engine(after: Fixture.order(.sell, .stopMarket, stop: "99"))
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 100, 100, 100),
                                                 Fixture.bar(2, 100, 100.5, 98.5, 99)], on: &engine)
    #expect(events == [.triggered(clientOrderId: "o1", time: 2 * Fixture.minute),
                       Fixture.fill(.sell, price: "99", .taker, time: 2 * Fixture.minute)])
}
