import Testing
import TradingModel
@testable import Simulation

private let tenPercent = MatchingConfig(fees: .zero, maxVolumeParticipation: 0.1)

@Test func iocRemainderIsCanceledAfterItsFirstFill() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "25", timeInForce: .ioc), config: tenPercent)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 100),
                                                 Fixture.bar(2, 100, 101, 99, 100, volume: 100)], on: &engine)
    #expect(events == [
        Fixture.fill(.buy, price: "100", quantity: "10", .taker),
        .canceled(clientOrderId: "o1", reason: "immediate or cancel: 15 left unfilled", time: Fixture.minute),
    ])
    #expect(engine.openOrders.isEmpty)
}

@Test func iocLimitNotMarketableOnArrivalIsCanceledEvenIfTheRangeLaterTouches() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "100", timeInForce: .ioc))
    let events = try Fixture.events(processing: [Fixture.bar(1, 101, 102, 99, 100)], on: &engine)
    #expect(events == [.canceled(clientOrderId: "o1", reason: "immediate or cancel: not marketable at 101 on arrival",
                                 time: Fixture.minute)])
}

@Test func fokThatCannotFillCompletelyExpiresWithoutAnyFill() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "25", timeInForce: .fok), config: tenPercent)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 100)], on: &engine)
    #expect(events == [.expired(clientOrderId: "o1", reason: "fill or kill: only 10 of 25 can fill on this bar",
                                time: Fixture.minute)])
    #expect(engine.openOrders.isEmpty)
}

@Test func fokThatFitsFillsCompletely() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "10", timeInForce: .fok), config: tenPercent)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 100)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100", quantity: "10", .taker)])
}

@Test func fokLimitNotMarketableOnArrivalExpires() throws {
    var engine = try Fixture.engine(after: Fixture.order(.sell, .limit, limit: "102", timeInForce: .fok))
    let events = try Fixture.events(processing: [Fixture.bar(1, 101, 103, 100, 101)], on: &engine)
    #expect(events == [.expired(clientOrderId: "o1", reason: "fill or kill: not marketable at 101 on arrival",
                                time: Fixture.minute)])
}

@Test func iocStopWaitsForItsTriggerAndThenGetsOneChance() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .stopLimit, limit: "99", stop: "100",
                                                         timeInForce: .ioc))
    var events = try Fixture.events(processing: [Fixture.bar(1, 99, 99.5, 98, 99)], on: &engine)
    #expect(events.isEmpty)
    #expect(engine.openOrders.count == 1)
    events = try Fixture.events(processing: [Fixture.bar(2, 99, 100.5, 98, 98.5)], on: &engine)
    #expect(events == [
        .triggered(clientOrderId: "o1", time: 2 * Fixture.minute),
        .canceled(clientOrderId: "o1", reason: "immediate or cancel: not marketable at the trigger price 100",
                  time: 2 * Fixture.minute),
    ])
}

@Test func iocInCloseModeGetsOnlyTheClose() throws {
    var engine = Fixture.engine(MatchingConfig(fillMode: .close, fees: .zero))
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.bar(0, 100, 101, 99, 100.5), events: &events)
    events.removeAll()
    engine.submit(Fixture.order(.buy, .limit, limit: "100", timeInForce: .ioc), time: Fixture.minute, events: &events)
    #expect(events == [
        .accepted(clientOrderId: "o1", venueOrderId: "sim-1", time: Fixture.minute),
        .canceled(clientOrderId: "o1", reason: "immediate or cancel: not marketable at 100.5 on arrival",
                  time: Fixture.minute),
    ])
    #expect(engine.openOrders.isEmpty)
}
