import Testing
import TradingModel
@testable import Simulation

@Test func makerAndTakerFillsPayTheirOwnRates() throws {
    let config = MatchingConfig(fees: FeeModel(makerRate: d("0.0002"), takerRate: d("0.001")))
    var engine = Fixture.engine(config)
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    engine.submit(Fixture.order("m", .buy, .limit, quantity: "0.5", limit: "100"), time: Fixture.minute,
                  events: &events)
    engine.submit(Fixture.order("t", .buy, quantity: "0.5"), time: Fixture.minute, events: &events)
    events.removeAll()
    try engine.process(Fixture.bar(1, 101, 102, 99, 100), events: &events)
    #expect(events == [
        Fixture.fill("t", venue: "sim-2", trade: 1, .buy, price: "101", quantity: "0.5", fee: "0.0505", .taker),
        Fixture.fill("m", venue: "sim-1", trade: 2, .buy, price: "100", quantity: "0.5", fee: "0.01", .maker),
    ])
}

@Test func feeRoundsHalfAwayFromZeroAtTheEighthDecimal() {
    let fees = FeeModel(makerRate: d("0.00075"), takerRate: d("0.001"))
    // 0.12345678 × 0.00075 = 0.0000925925850 -> 0.00009259
    #expect(fees.fee(notional: d("0.12345678"), liquidity: .maker) == d("0.00009259"))
    #expect(fees.fee(notional: d("123.45"), liquidity: .taker) == d("0.12345"))
}

/// A taker fill at a reference price under a slippage model, on tick 0.01.
struct SlippageCase: Sendable, CustomTestStringConvertible {
    let name: String
    let model: SlippageModel
    let side: OrderSide
    let base: String
    let quantity: String
    let barVolume: Double
    let price: String
    var testDescription: String { name }
}

let slippageCases: [SlippageCase] = [
    SlippageCase(name: "no slippage keeps an on-grid price", model: .zero, side: .buy, base: "100",
                 quantity: "1", barVolume: 1000, price: "100"),
    SlippageCase(name: "no slippage rounds an off-grid buy up", model: .zero, side: .buy, base: "100.005",
                 quantity: "1", barVolume: 1000, price: "100.01"),
    SlippageCase(name: "no slippage rounds an off-grid sell down", model: .zero, side: .sell, base: "100.005",
                 quantity: "1", barVolume: 1000, price: "100"),
    SlippageCase(name: "10 bps raises a buy", model: SlippageModel(fixedBps: 10), side: .buy, base: "100",
                 quantity: "1", barVolume: 1000, price: "100.1"),
    SlippageCase(name: "10 bps lowers a sell", model: SlippageModel(fixedBps: 10), side: .sell, base: "100",
                 quantity: "1", barVolume: 1000, price: "99.9"),
    SlippageCase(name: "5 bps buy rounds up to the tick", model: SlippageModel(fixedBps: 5), side: .buy,
                 base: "100.03", quantity: "1", barVolume: 1000, price: "100.09"),
    SlippageCase(name: "5 bps sell rounds down to the tick", model: SlippageModel(fixedBps: 5), side: .sell,
                 base: "100.03", quantity: "1", barVolume: 1000, price: "99.97"),
    SlippageCase(name: "volume impact grows with participation", model: SlippageModel(volumeImpact: 0.1),
                 side: .buy, base: "200", quantity: "10", barVolume: 1000, price: "200.2"),
    SlippageCase(name: "fixed and volume slippage add up", model: SlippageModel(fixedBps: 5, volumeImpact: 0.1),
                 side: .sell, base: "200", quantity: "10", barVolume: 1000, price: "199.7"),
    SlippageCase(name: "volume impact is skipped on a zero-volume bar", model: SlippageModel(volumeImpact: 0.1),
                 side: .buy, base: "200", quantity: "10", barVolume: 0, price: "200"),
    SlippageCase(name: "a sell never goes below one tick", model: SlippageModel(fixedBps: 20_000), side: .sell,
                 base: "5", quantity: "1", barVolume: 1000, price: "0.01"),
]

@Test(arguments: slippageCases)
func takerPriceMovesAdverselyAndRoundsAdversely(_ c: SlippageCase) {
    let price = c.model.takerPrice(base: d(c.base), side: c.side, quantity: d(c.quantity), barVolume: c.barVolume,
                                   tickSize: d("0.01"))
    #expect(price == d(c.price))
}

@Test func slippageAppliesToTakerFillsOnly() throws {
    let config = MatchingConfig(fees: .zero, slippage: SlippageModel(fixedBps: 10))
    var engine = Fixture.engine(config)
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.firstBar, events: &events)
    engine.submit(Fixture.order("m", .sell, .limit, limit: "101"), time: Fixture.minute, events: &events)
    engine.submit(Fixture.order("t", .buy), time: Fixture.minute, events: &events)
    events.removeAll()
    try engine.process(Fixture.bar(1, 100, 101.5, 99.5, 101), events: &events)
    #expect(events == [Fixture.fill("t", venue: "sim-2", trade: 1, .buy, price: "100.1", .taker),
                       Fixture.fill("m", venue: "sim-1", trade: 2, .sell, price: "101", .maker)])
}

@Test func volumeSlippageUsesTheFilledQuantity() throws {
    let config = MatchingConfig(fees: .zero, slippage: SlippageModel(volumeImpact: 0.5))
    var engine = try Fixture.engine(after: Fixture.order(.buy, quantity: "20"), config: config)
    // impact 0.5 × 20 / 400 = 0.025 -> 100 × 1.025 = 102.5
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 103, 99, 102, volume: 400)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "102.5", quantity: "20", .taker)])
}

@Test func marketableLimitNeverSlipsPastItsLimit() throws {
    let config = MatchingConfig(fees: .zero, slippage: SlippageModel(fixedBps: 10))
    var engine = try Fixture.engine(after: Fixture.order(.buy, .limit, limit: "100.05"), config: config)
    let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
    #expect(events == [Fixture.fill(.buy, price: "100.05", .taker)])
}

@Test func stopFillAtTheStopPriceIsSlipped() throws {
    let config = MatchingConfig(fees: FeeModel(makerRate: .zero, takerRate: d("0.001")),
                                slippage: SlippageModel(fixedBps: 20))
    var engine = try Fixture.engine(after: Fixture.order(.sell, .stopMarket, quantity: "2", stop: "95"),
                                    config: config)
    // 95 × 0.998 = 94.81; fee 2 × 94.81 × 0.001 = 0.18962
    let events = try Fixture.events(processing: [Fixture.bar(1, 97, 98, 94, 95)], on: &engine)
    #expect(events == [.triggered(clientOrderId: "o1", time: Fixture.minute),
                       Fixture.fill(.sell, price: "94.81", quantity: "2", fee: "0.18962", .taker)])
}
