import Testing
import TradingModel
@testable import Simulation

/// A request the engine must refuse, with the exact reason.
struct RejectionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let request: OrderRequest
    let reason: String
    var testDescription: String { name }
}

let rejectionCases: [RejectionCase] = [
    RejectionCase(name: "empty client order id", request: Fixture.order("", .buy),
                  reason: "clientOrderId is empty; every order needs a unique id"),
    RejectionCase(name: "unknown symbol", request: Fixture.order(.buy, symbol: "ETH/USDT"),
                  reason: "unknown symbol ETH/USDT: this venue trades BTC/USDT"),
    RejectionCase(name: "duplicate client order id", request: Fixture.order("dup", .buy),
                  reason: "duplicate clientOrderId dup: it was already used on this account"),
    RejectionCase(name: "limit without a price", request: Fixture.order(.buy, .limit),
                  reason: "limit order needs a positive limit price"),
    RejectionCase(name: "stop without a price", request: Fixture.order(.sell, .stopMarket),
                  reason: "stop_market order needs a positive stop price"),
    RejectionCase(name: "zero quantity", request: Fixture.order(.buy, quantity: "0"),
                  reason: "quantity 0 must be positive"),
    RejectionCase(name: "negative quantity", request: Fixture.order(.buy, quantity: "-1"),
                  reason: "quantity -1 must be positive"),
    RejectionCase(name: "quantity off the lot grid", request: Fixture.order(.buy, quantity: "1.0005"),
                  reason: "quantity 1.0005 is not a multiple of the lot size 0.001 of BTC/USDT"),
    RejectionCase(name: "limit price off the tick grid", request: Fixture.order(.buy, .limit, limit: "99.995"),
                  reason: "limitPrice 99.995 is not a multiple of the tick size 0.01 of BTC/USDT"),
    RejectionCase(name: "stop price off the tick grid", request: Fixture.order(.sell, .stopMarket, stop: "99.001"),
                  reason: "stopPrice 99.001 is not a multiple of the tick size 0.01 of BTC/USDT"),
    RejectionCase(name: "stop-limit limit off the tick grid",
                  request: Fixture.order(.sell, .stopLimit, limit: "98.999", stop: "99"),
                  reason: "limitPrice 98.999 is not a multiple of the tick size 0.01 of BTC/USDT"),
    RejectionCase(name: "notional below the minimum", request: Fixture.order(.buy, quantity: "0.009"),
                  reason: "notional 0.9 is below the minimum notional 1 of BTC/USDT"),
    RejectionCase(name: "quote quantity on a limit order",
                  request: OrderRequest(clientOrderId: "q", symbol: Fixture.symbol, side: .buy, type: .limit,
                                        quantity: .zero, quoteQuantity: d("50"), limitPrice: d("100")),
                  reason: "quoteQuantity is only supported on market buy orders, got a buy limit order"),
    RejectionCase(name: "quote quantity below the minimum notional",
                  request: OrderRequest(clientOrderId: "q", symbol: Fixture.symbol, side: .buy, quantity: .zero,
                                        quoteQuantity: d("0.5")),
                  reason: "notional 0.5 is below the minimum notional 1 of BTC/USDT"),
]

@Test(arguments: rejectionCases)
func invalidRequestIsRejectedWithItsReason(_ c: RejectionCase) throws {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    engine.submit(Fixture.order("dup", .buy, .limit, limit: "50"), time: 1, events: &events)
    events.removeAll()
    engine.submit(c.request, time: 2, events: &events)
    #expect(events == [.rejected(clientOrderId: c.request.clientOrderId, reason: c.reason, time: 2)])
    #expect(engine.openOrders.map(\.request.clientOrderId) == ["dup"])
}

@Test func quantityBelowTheMinimumQuantityIsRejected() {
    let instrument = Instrument(symbol: Fixture.symbol, tickSize: d("0.01"), lotSize: d("0.001"),
                                minQuantity: d("0.01"), minNotional: .zero)
    var engine = OrderMatchingEngine(instrument: instrument, timeframe: .oneMinute, config: Fixture.plain)
    var events: [ExecutionEvent] = []
    engine.submit(Fixture.order(.buy, quantity: "0.005"), time: 1, events: &events)
    #expect(events == [.rejected(clientOrderId: "o1",
                                 reason: "quantity 0.005 is below the minimum quantity 0.01 of BTC/USDT", time: 1)])
}

@Test func acceptedOrdersGetSequentialVenueIdsAndRejectionsDoNotUseOne() {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    engine.submit(Fixture.order("a", .buy, .limit, limit: "90"), time: 1, events: &events)
    engine.submit(Fixture.order("bad", .buy, quantity: "0"), time: 2, events: &events)
    engine.submit(Fixture.order("b", .buy, .limit, limit: "90"), time: 3, events: &events)
    #expect(events == [
        .accepted(clientOrderId: "a", venueOrderId: "sim-1", time: 1),
        .rejected(clientOrderId: "bad", reason: "quantity 0 must be positive", time: 2),
        .accepted(clientOrderId: "b", venueOrderId: "sim-2", time: 3),
    ])
}

@Test func marketOrderBeforeAnyBarSkipsTheNotionalCheck() {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    engine.submit(Fixture.order(.buy, quantity: "0.001"), time: 1, events: &events)
    #expect(events == [.accepted(clientOrderId: "o1", venueOrderId: "sim-1", time: 1)])
}

@Test func finishedOrderIdCannotBeReused() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy))
    var events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
    events.removeAll()
    engine.submit(Fixture.order(.sell), time: 9, events: &events)
    #expect(events == [.rejected(clientOrderId: "o1",
                                 reason: "duplicate clientOrderId o1: it was already used on this account", time: 9)])
}
