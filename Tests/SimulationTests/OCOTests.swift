import Testing
import TradingModel
@testable import Simulation

/// One-cancels-the-other groups: a protective stop and take-profit of one position.
private func protectiveEngine(group: String?) throws -> OrderMatchingEngine {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    var stop = Fixture.order("stop", .sell, .stopMarket, stop: "98")
    stop.ocoGroup = group
    var take = Fixture.order("take", .sell, .takeProfit, stop: "103")
    take.ocoGroup = group
    engine.submit(stop, time: Fixture.minute, events: &events)
    engine.submit(take, time: Fixture.minute, events: &events)
    return engine
}

@Test func aFillInAnOCOGroupCancelsTheOtherOrdersOfTheGroupOnTheSameBar() throws {
    var engine = try protectiveEngine(group: "g")
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 104, 97, 100)], on: &engine)
    #expect(events == [
        .triggered(clientOrderId: "stop", time: Fixture.minute),
        Fixture.fill("stop", venue: "sim-1", trade: 1, .sell, price: "98", .taker),
        .canceled(clientOrderId: "take", reason: "one-cancels-the-other: stop of group g filled", time: Fixture.minute),
    ])
    #expect(engine.openOrders.isEmpty)
}

@Test func withoutAGroupBothProtectiveOrdersFill() throws {
    var engine = try protectiveEngine(group: nil)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 104, 97, 100)], on: &engine)
    let fills = events.filter { if case .filled = $0 { return true } else { return false } }
    #expect(fills == [Fixture.fill("stop", venue: "sim-1", trade: 1, .sell, price: "98", .taker),
                      Fixture.fill("take", venue: "sim-2", trade: 2, .sell, price: "103", .taker)])
}
