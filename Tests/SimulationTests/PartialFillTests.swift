import Testing
import TradingModel
@testable import Simulation

private let tenPercent = MatchingConfig(fees: .zero, maxVolumeParticipation: 0.1)

@Test func marketRemainderFillsAtLaterOpensUnderTheParticipationCap() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "25"), config: tenPercent)
    var events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 100)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100", quantity: "10", .taker)])
    let order = try #require(engine.openOrders.first)
    #expect(order.status == .partiallyFilled)
    #expect(order.filledQuantity == d("10"))
    #expect(order.remainingQuantity == d("15"))

    events = try Fixture.events(processing: [Fixture.bar(2, 101, 102, 100, 101, volume: 100),
                                             Fixture.bar(3, 102, 103, 101, 102, volume: 100)], on: &engine)
    #expect(events == [Fixture.fill(trade: 2, .buy, price: "101", quantity: "10", .taker, time: 2 * Fixture.minute),
                       Fixture.fill(trade: 3, .buy, price: "102", quantity: "5", .taker, time: 3 * Fixture.minute)])
    #expect(engine.openOrders.isEmpty)
}

@Test func participationCapIsFlooredToTheLot() throws {
    var engine = try Fixture.engine(after: Fixture.order(.sell, quantity: "50"), config: tenPercent)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 123.45678)], on: &engine)
    #expect(events == [Fixture.fill(.sell, price: "100", quantity: "12.345", .taker)])
}

@Test func participationCapIsSharedByTheInstrumentsOrdersInSubmissionOrder() throws {
    var engine = Fixture.engine(tenPercent)
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    engine.submit(Fixture.order("a", .buy, quantity: "8"), time: Fixture.minute, events: &events)
    engine.submit(Fixture.order("b", .buy, quantity: "8"), time: Fixture.minute, events: &events)
    events.removeAll()
    try engine.process(Fixture.bar(1, 100, 101, 99, 100, volume: 100), events: &events)
    try engine.process(Fixture.bar(2, 100, 101, 99, 100, volume: 100), events: &events)
    #expect(events == [
        Fixture.fill("a", venue: "sim-1", trade: 1, .buy, price: "100", quantity: "8", .taker),
        Fixture.fill("b", venue: "sim-2", trade: 2, .buy, price: "100", quantity: "2", .taker),
        Fixture.fill("b", venue: "sim-2", trade: 3, .buy, price: "100", quantity: "6", .taker,
                     time: 2 * Fixture.minute),
    ])
}

@Test func zeroVolumeBarFillsNothingWhenParticipationIsCapped() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, quantity: "3", limit: "100"),
                                    config: tenPercent)
    var events = try Fixture.events(processing: [Fixture.bar(1, 99, 100, 98, 99, volume: 0)], on: &engine)
    #expect(events.isEmpty)
    events = try Fixture.events(processing: [Fixture.bar(2, 101, 102, 99.5, 101, volume: 100)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100", quantity: "3", .maker, time: 2 * Fixture.minute)])
}

@Test func zeroVolumeBarFillsEverythingWithoutACap() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "3"))
    let events = try Fixture.events(processing: [Fixture.bar(1, 99, 100, 98, 99, volume: 0)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "99", quantity: "3", .taker)])
}

@Test func restingLimitFillsPartiallyOverSeveralBarsAtItsLimit() throws {
    var engine = try Fixture.engine(after: Fixture.order(.sell, .limit, quantity: "12", limit: "101"),
                                    config: tenPercent)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101.5, 99, 101, volume: 50),
                                                 Fixture.bar(2, 100, 100.5, 99, 100, volume: 500),
                                                 Fixture.bar(3, 102, 103, 101, 102, volume: 70)], on: &engine)
    #expect(events == [
        Fixture.fill(trade: 1, .sell, price: "101", quantity: "5", .maker),
        Fixture.fill(trade: 2, .sell, price: "102", quantity: "7", .maker, time: 3 * Fixture.minute),
    ])
    #expect(engine.openOrders.isEmpty)
}

@Test func triggeredStopWithoutVolumeBecomesAMarketOrder() throws {
    var engine = try Fixture.engine(after: Fixture.order(.sell, .stopMarket, quantity: "2", stop: "99"),
                                    config: tenPercent)
    var events = try Fixture.events(processing: [Fixture.bar(1, 100, 100, 98, 98.5, volume: 0)], on: &engine)
    #expect(events == [.triggered(clientOrderId: "o1", time: Fixture.minute)])
    #expect(engine.openOrders.map(\.triggered) == [true])
    events = try Fixture.events(processing: [Fixture.bar(2, 98.2, 99, 97, 98, volume: 100)], on: &engine)
    #expect(events == [Fixture.fill(.sell, price: "98.2", quantity: "2", .taker, time: 2 * Fixture.minute)])
}

@Test func partiallyFilledOrderTracksNotionalFeesAndAveragePrice() throws {
    let config = MatchingConfig(fees: FeeModel(makerRate: .zero, takerRate: d("0.001")), maxVolumeParticipation: 0.1)
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "30"), config: config)
    _ = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 100),
                                        Fixture.bar(2, 101, 102, 100, 101, volume: 100)], on: &engine)
    let order = try #require(engine.openOrders.first)
    #expect(order.status == .partiallyFilled)
    #expect(order.filledQuantity == d("20"))
    #expect(order.filledNotional == d("2010"))
    #expect(order.fees == d("2.01"))
    #expect(order.averageFillPrice == d("100.5"))
    #expect(order.updatedAt == 2 * Fixture.minute)
}

@Test func cancelingAPartiallyFilledOrderEndsItsRemainder() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "30"), config: tenPercent)
    var events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 100)], on: &engine)
    engine.cancel(clientOrderId: "o1", time: 2 * Fixture.minute, events: &events)
    events += try Fixture.events(processing: [Fixture.bar(2, 100, 101, 99, 100, volume: 100)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100", quantity: "10", .taker),
                       .canceled(clientOrderId: "o1", reason: "canceled by client", time: 2 * Fixture.minute)])
}
