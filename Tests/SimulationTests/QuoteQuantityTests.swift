import Testing
import TradingModel
@testable import Simulation

private let takerFee = MatchingConfig(fees: FeeModel(makerRate: .zero, takerRate: d("0.001")))

private func quoteBuy(_ quote: String, cap: String = "0", timeInForce: TimeInForce = .gtc) -> OrderRequest {
    OrderRequest(clientOrderId: "o1", symbol: Fixture.symbol, side: .buy, quantity: d(cap), quoteQuantity: d(quote),
                 timeInForce: timeInForce)
}

@Test func quoteBuySpendsAtMostItsQuoteIncludingTheFee() throws {
    var engine = try Fixture.engine(after: quoteBuy("1000"), config: takerFee)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
    // floor_lot(1000 / 100.1) = 9.99; 999 + fee 0.999 = 999.999 <= 1000
    #expect(events == [Fixture.fill(.buy, price: "100", quantity: "9.99", fee: "0.999", .taker).completing(true)])
    #expect(engine.openOrders.isEmpty)
}

@Test func quoteBuyAccountsForSlippage() throws {
    let config = MatchingConfig(fees: .zero, slippage: SlippageModel(fixedBps: 100))
    var engine = try Fixture.engine(after: quoteBuy("100"), config: config)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
    // 101 per unit after slippage: floor_lot(100 / 101) = 0.99 -> 99.99
    #expect(events == [Fixture.fill(.buy, price: "101", quantity: "0.99", .taker).completing(true)])
}

@Test func quoteBuyRespectsItsQuantityCap() throws {
    var engine = try Fixture.engine(after: quoteBuy("1000", cap: "2"), config: takerFee)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100", quantity: "2", fee: "0.2", .taker).completing(true)])
}

@Test func quoteBuyUnderTheParticipationCapContinuesUntilTheQuoteIsSpent() throws {
    let config = MatchingConfig(fees: FeeModel(makerRate: .zero, takerRate: d("0.001")), maxVolumeParticipation: 0.1)
    var engine = try Fixture.engine(after: quoteBuy("1000"), config: config)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 50),
                                                 Fixture.bar(2, 100, 101, 99, 100, volume: 50)], on: &engine)
    // Bar 1: 5 lots' worth, 500 + 0.5 spent; bar 2: floor_lot(499.5 / 100.1) = 4.99, 499 + 0.499; 0.001 left.
    #expect(events == [
        Fixture.fill(trade: 1, .buy, price: "100", quantity: "5", fee: "0.5", .taker).completing(false),
        Fixture.fill(trade: 2, .buy, price: "100", quantity: "4.99", fee: "0.499", .taker, time: 2 * Fixture.minute).completing(true),
    ])
    #expect(engine.openOrders.isEmpty)
}

@Test func quoteTooSmallForOneLotIsCanceled() throws {
    let instrument = Instrument(symbol: Fixture.symbol, tickSize: d("0.01"), lotSize: d("1"), minNotional: d("1"))
    var engine = OrderMatchingEngine(instrument: instrument, timeframe: .oneMinute, config: takerFee)
    var events: [ExecutionEvent] = []
    engine.submit(quoteBuy("50"), time: 0, events: &events)
    events.removeAll()
    try engine.process(Fixture.bar(1, 100, 101, 99, 100), events: &events)
    #expect(events == [.canceled(clientOrderId: "o1", reason: "quoteQuantity 50 buys less than one lot 1 at 100",
                                 time: Fixture.minute)])
}

@Test func fokQuoteBuyExpiresWhenTheBarCannotTakeIt() throws {
    let config = MatchingConfig(fees: .zero, maxVolumeParticipation: 0.1)
    var engine = try Fixture.engine(after: quoteBuy("1000", timeInForce: .fok), config: config)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100, volume: 50)], on: &engine)
    #expect(events == [.expired(clientOrderId: "o1", reason: "fill or kill: only 5 of 10 can fill on this bar",
                                time: Fixture.minute)])
}

private extension ExecutionEvent {
    /// This fill event with the simulator's word on whether it completed its quote-quantity order.
    func completing(_ complete: Bool) -> ExecutionEvent {
        if case let .filled(fill) = self { return .filled(fill.completing(complete)) }
        return self
    }
}
