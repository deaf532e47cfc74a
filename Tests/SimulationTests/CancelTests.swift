import Testing
import TradingModel
@testable import Simulation

@Test func cancelEndsAWorkingOrder() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "90"))
    var events: [ExecutionEvent] = []
    engine.cancel(clientOrderId: "o1", time: 5, events: &events)
    #expect(events == [.canceled(clientOrderId: "o1", reason: "canceled by client", time: 5)])
    #expect(engine.openOrders.isEmpty)
    events = try Fixture.events(processing: [Fixture.bar(1, 80, 81, 79, 80)], on: &engine)
    #expect(events.isEmpty)
}

@Test func cancelOfAFinishedOrderIsRejectedWithItsStatus() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy))
    var events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
    events.removeAll()
    engine.cancel(clientOrderId: "o1", time: 7, events: &events)
    #expect(events == [.cancelRejected(clientOrderId: "o1", reason: "cancel: order o1 is already filled", time: 7)])
}

@Test func secondCancelIsRejectedAsAlreadyCanceled() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "90"))
    var events: [ExecutionEvent] = []
    engine.cancel(clientOrderId: "o1", time: 5, events: &events)
    engine.cancel(clientOrderId: "o1", time: 6, events: &events)
    #expect(events.last == .cancelRejected(clientOrderId: "o1", reason: "cancel: order o1 is already canceled", time: 6))
}

@Test func cancelOfAnUnknownOrderIsRejected() {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    engine.cancel(clientOrderId: "nope", time: 3, events: &events)
    #expect(events == [.cancelRejected(clientOrderId: "nope", reason: "cancel: unknown order nope on BTC/USDT", time: 3)])
    #expect(events.allSatisfy {
        if case let .cancelRejected(_, reason, _) = $0 { return reason.hasPrefix(OrderMatchingEngine.cancelRejectionPrefix) }
        return false
    })
}

@Test func cancelAllEndsEveryWorkingOrderInSubmissionOrder() throws {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    engine.submit(Fixture.order("a", .buy, .limit, limit: "90"), time: 1, events: &events)
    engine.submit(Fixture.order("b", .sell, .stopMarket, stop: "80"), time: 1, events: &events)
    events.removeAll()
    engine.cancelAll(time: 9, events: &events)
    #expect(events == [.canceled(clientOrderId: "a", reason: "canceled by client", time: 9),
                       .canceled(clientOrderId: "b", reason: "canceled by client", time: 9)])
    #expect(!engine.hasOpenOrders)
}

@Test func cancelKeepsTheOtherOrdersInOrder() throws {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    for id in ["a", "b", "c"] {
        engine.submit(Fixture.order(id, .buy, .limit, limit: "90"), time: 1, events: &events)
    }
    engine.cancel(clientOrderId: "b", time: 2, events: &events)
    #expect(engine.openOrders.map(\.request.clientOrderId) == ["a", "c"])
    #expect(engine.openOrders.map(\.venueOrderId) == ["sim-1", "sim-3"])
}
