import Testing
import TradingModel
@testable import Simulation

/// One order of quantity 1, submitted after bar 0, matched against one bar: what it does there.
struct MatchCase: Sendable, CustomTestStringConvertible {
    let name: String
    let side: OrderSide
    let type: OrderType
    let limit: String?
    let stop: String?
    /// open, high, low, close of bar 1.
    let bar: [Double]
    let triggers: Bool
    /// Fill price, or nil when it does not fill on this bar.
    let price: String?
    let liquidity: Liquidity
    var testDescription: String { name }

    init(_ name: String, _ side: OrderSide, _ type: OrderType, limit: String? = nil, stop: String? = nil,
         bar: [Double], triggers: Bool = false, fills price: String?, _ liquidity: Liquidity = .taker) {
        self.name = name
        self.side = side
        self.type = type
        self.limit = limit
        self.stop = stop
        self.bar = bar
        self.triggers = triggers
        self.price = price
        self.liquidity = liquidity
    }
}

let matchCases: [MatchCase] = [
    MatchCase("market buy fills at the next open", .buy, .market, bar: [101, 103, 99, 102], fills: "101"),
    MatchCase("market sell fills at the next open", .sell, .market, bar: [101, 103, 99, 102], fills: "101"),

    MatchCase("limit buy marketable at the open takes at the open", .buy, .limit, limit: "100",
              bar: [99, 101, 98, 100], fills: "99"),
    MatchCase("limit buy touched by the low makes at the limit", .buy, .limit, limit: "100",
              bar: [101, 102, 100, 101], fills: "100", .maker),
    MatchCase("limit buy not reached does not fill", .buy, .limit, limit: "100",
              bar: [101, 102, 100.01, 101], fills: nil),
    MatchCase("limit sell marketable at the open takes at the open", .sell, .limit, limit: "100",
              bar: [101, 102, 99, 100], fills: "101"),
    MatchCase("limit sell touched by the high makes at the limit", .sell, .limit, limit: "100",
              bar: [99, 100, 98, 99], fills: "100", .maker),
    MatchCase("limit sell not reached does not fill", .sell, .limit, limit: "100",
              bar: [99, 99.99, 98, 99], fills: nil),

    MatchCase("stop buy gapped through fills at the open", .buy, .stopMarket, stop: "100",
              bar: [101, 102, 100.5, 101], triggers: true, fills: "101"),
    MatchCase("stop buy touched by the high fills at the stop", .buy, .stopMarket, stop: "100",
              bar: [99, 100, 98, 99], triggers: true, fills: "100"),
    MatchCase("stop buy not reached does not trigger", .buy, .stopMarket, stop: "100",
              bar: [99, 99.99, 98, 99], fills: nil),
    MatchCase("stop sell gapped through fills at the open", .sell, .stopMarket, stop: "100",
              bar: [99, 99.5, 98, 99], triggers: true, fills: "99"),
    MatchCase("stop sell touched by the low fills at the stop", .sell, .stopMarket, stop: "100",
              bar: [101, 102, 100, 101], triggers: true, fills: "100"),
    MatchCase("stop sell not reached does not trigger", .sell, .stopMarket, stop: "100",
              bar: [101, 102, 100.01, 101], fills: nil),

    MatchCase("take-profit sell gapped through fills at the open", .sell, .takeProfit, stop: "100",
              bar: [101, 102, 100.5, 101], triggers: true, fills: "101"),
    MatchCase("take-profit sell touched by the high fills at the target", .sell, .takeProfit, stop: "100",
              bar: [99, 100, 98, 99], triggers: true, fills: "100"),
    MatchCase("take-profit sell not reached does not trigger", .sell, .takeProfit, stop: "100",
              bar: [99, 99.99, 98, 99], fills: nil),
    MatchCase("take-profit buy gapped through fills at the open", .buy, .takeProfit, stop: "100",
              bar: [99, 99.5, 98, 99], triggers: true, fills: "99"),
    MatchCase("take-profit buy touched by the low fills at the target", .buy, .takeProfit, stop: "100",
              bar: [101, 102, 100, 101], triggers: true, fills: "100"),
    MatchCase("take-profit buy not reached does not trigger", .buy, .takeProfit, stop: "100",
              bar: [101, 102, 100.01, 101], fills: nil),

    MatchCase("stop-limit buy gapped through within its limit takes at the open", .buy, .stopLimit,
              limit: "101", stop: "100", bar: [100.5, 102, 100.2, 101], triggers: true, fills: "100.5"),
    MatchCase("stop-limit buy gapped beyond its limit makes at the limit when the range comes back", .buy,
              .stopLimit, limit: "101", stop: "100", bar: [102, 103, 100.5, 102], triggers: true, fills: "101",
              .maker),
    MatchCase("stop-limit buy gapped beyond its limit without coming back only triggers", .buy, .stopLimit,
              limit: "101", stop: "100", bar: [102, 103, 101.5, 102], triggers: true, fills: nil),
    MatchCase("stop-limit buy triggered in the range takes at the stop", .buy, .stopLimit, limit: "101",
              stop: "100", bar: [99, 100.5, 98, 100], triggers: true, fills: "100"),
    MatchCase("stop-limit buy not reached does not trigger", .buy, .stopLimit, limit: "101", stop: "100",
              bar: [99, 99.99, 98, 99], fills: nil),
    MatchCase("stop-limit buy with limit below stop fills when the close reaches the limit", .buy, .stopLimit,
              limit: "99", stop: "100", bar: [98, 100, 97, 98.5], triggers: true, fills: "99", .maker),
    MatchCase("stop-limit buy with limit below stop ignores a low that may have come first", .buy, .stopLimit,
              limit: "99", stop: "100", bar: [98, 100, 97, 99.5], triggers: true, fills: nil),
    MatchCase("stop-limit sell gapped through within its limit takes at the open", .sell, .stopLimit,
              limit: "99", stop: "100", bar: [99.5, 99.8, 98, 99], triggers: true, fills: "99.5"),
    MatchCase("stop-limit sell gapped beyond its limit makes at the limit when the range comes back", .sell,
              .stopLimit, limit: "99", stop: "100", bar: [98, 99.5, 97, 98], triggers: true, fills: "99",
              .maker),
    MatchCase("stop-limit sell triggered in the range takes at the stop", .sell, .stopLimit, limit: "99",
              stop: "100", bar: [101, 102, 99.5, 100], triggers: true, fills: "100"),
    MatchCase("stop-limit sell not reached does not trigger", .sell, .stopLimit, limit: "99", stop: "100",
              bar: [101, 102, 100.01, 101], fills: nil),
    MatchCase("stop-limit sell with limit above stop fills when the close reaches the limit", .sell, .stopLimit,
              limit: "101", stop: "100", bar: [102, 103, 100, 101.5], triggers: true, fills: "101", .maker),
]

@Test(arguments: matchCases)
func orderMatchesBarAsSpecified(_ c: MatchCase) throws {
    var engine = try Fixture.engine(after: Fixture.order(c.side, c.type, limit: c.limit, stop: c.stop))
    let bar = Fixture.bar(1, c.bar[0], c.bar[1], c.bar[2], c.bar[3])
    let events = try Fixture.events(processing: [bar], on: &engine)

    var expected: [ExecutionEvent] = []
    if c.triggers { expected.append(.triggered(clientOrderId: "o1", time: Fixture.minute)) }
    if let price = c.price { expected.append(Fixture.fill(c.side, price: price, c.liquidity)) }
    #expect(events == expected)
    #expect(engine.openOrders.count == (c.price == nil ? 1 : 0))
    #expect(engine.openOrders.first?.triggered ?? c.triggers == c.triggers)
}

@Test func restingLimitBuyGappedThroughMakesAtTheOpen() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "100"))
    let events = try Fixture.events(processing: [Fixture.bar(1, 101, 102, 100.5, 101),
                                                 Fixture.bar(2, 99, 99.5, 98, 99)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "99", .maker, time: 2 * Fixture.minute)])
}

@Test func restingLimitSellGappedThroughMakesAtTheOpen() throws {
    var engine = try Fixture.engine(after: Fixture.order(.sell, .limit, limit: "100"))
    let events = try Fixture.events(processing: [Fixture.bar(1, 99, 99.5, 98, 99),
                                                 Fixture.bar(2, 101.5, 102, 101, 101)], on: &engine)
    #expect(events == [Fixture.fill(.sell, price: "101.5", .maker, time: 2 * Fixture.minute)])
}

@Test func restingMakerGapFillAtAnOffGridOpenRoundsTowardTheLimit() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "100"))
    let events = try Fixture.events(processing: [Fixture.bar(1, 101, 102, 100.5, 101),
                                                 Fixture.bar(2, 99.994, 99.995, 98, 99)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100", .maker, time: 2 * Fixture.minute)])
}

@Test func triggeredStopLimitRestsAsLimitOnLaterBars() throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy, .stopLimit, limit: "101", stop: "100"))
    let events = try Fixture.events(processing: [Fixture.bar(1, 102, 103, 101.5, 102),
                                                 Fixture.bar(2, 102, 102.5, 100.8, 101)], on: &engine)
    #expect(events == [.triggered(clientOrderId: "o1", time: Fixture.minute),
                       Fixture.fill(.buy, price: "101", .maker, time: 2 * Fixture.minute)])
}

@Test func limitRequiringTradeThroughIgnoresATouch() throws {
    let config = MatchingConfig(fees: .zero, limitFillRequiresTradeThrough: true)
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "100"), config: config)
    let touch = try Fixture.events(processing: [Fixture.bar(1, 101, 102, 100, 101)], on: &engine)
    #expect(touch.isEmpty)
    let openAtLimit = try Fixture.events(processing: [Fixture.bar(2, 100, 101, 100, 100.5)], on: &engine)
    #expect(openAtLimit.isEmpty)
    let through = try Fixture.events(processing: [Fixture.bar(3, 100.5, 101, 99.99, 100)], on: &engine)
    #expect(through == [Fixture.fill(.buy, price: "100", .maker, time: 3 * Fixture.minute)])
}

@Test func ordersSeeEveryOpenBeforeAnyRangeFill() throws {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    engine.submit(Fixture.order("a", .buy, .limit, limit: "99"), time: Fixture.minute, events: &events)
    engine.submit(Fixture.order("b", .buy), time: Fixture.minute, events: &events)
    events.removeAll()
    try engine.process(Fixture.bar(1, 100, 101, 98, 100), events: &events)
    #expect(events == [Fixture.fill("b", venue: "sim-2", trade: 1, .buy, price: "100", .taker),
                       Fixture.fill("a", venue: "sim-1", trade: 2, .buy, price: "99", .maker)])
}
