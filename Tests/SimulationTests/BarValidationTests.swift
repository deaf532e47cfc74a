import Testing
import TradingModel
@testable import Simulation

/// A bar the engine must refuse, with the field it names.
struct BadBarCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bar: Bar
    let error: SimulationError
    var testDescription: String { name }
}

private func bad(_ field: String, _ value: Double, _ expected: String) -> SimulationError {
    .invalidBar(symbol: Fixture.symbol, time: Fixture.minute, field: field, value: value, expected: expected)
}

let badBarCases: [BadBarCase] = [
    BadBarCase(name: "NaN open", bar: Fixture.bar(1, .nan, 101, 99, 100), error: bad("open", .nan, "a finite price > 0")),
    BadBarCase(name: "zero low", bar: Fixture.bar(1, 100, 101, 0, 100), error: bad("low", 0, "a finite price > 0")),
    BadBarCase(name: "infinite high", bar: Fixture.bar(1, 100, .infinity, 99, 100),
               error: bad("high", .infinity, "a finite price > 0")),
    BadBarCase(name: "high below close", bar: Fixture.bar(1, 100, 100.5, 99, 101),
               error: bad("high", 100.5, ">= open 100.0, close 101.0 and low 99.0")),
    BadBarCase(name: "low above open", bar: Fixture.bar(1, 100, 102, 100.5, 101),
               error: bad("low", 100.5, "<= open 100.0 and close 101.0")),
    BadBarCase(name: "negative volume", bar: Fixture.bar(1, 100, 101, 99, 100, volume: -1),
               error: bad("volume", -1, "a finite volume >= 0")),
]

@Test(arguments: badBarCases)
func invalidBarIsRefusedNamingTheField(_ c: BadBarCase) throws {
    var engine = try Fixture.engine(after: Fixture.order(.buy))
    var events: [ExecutionEvent] = []
    let error = #expect(throws: SimulationError.self) { try engine.process(c.bar, events: &events) }
    // NaN never equals itself, so compare descriptions.
    #expect(error?.description == c.error.description)
    #expect(events.isEmpty)
    #expect(engine.lastBar == Fixture.firstBar)
    #expect(engine.openOrders.count == 1)
}

@Test func barNotAfterTheLastOneIsRefused() throws {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.bar(2, 100, 101, 99, 100), events: &events)
    #expect(throws: SimulationError.barOutOfOrder(symbol: Fixture.symbol, time: 2 * Fixture.minute,
                                                  previousTime: 2 * Fixture.minute)) {
        try engine.process(Fixture.bar(2, 100, 101, 99, 100), events: &events)
    }
    #expect(throws: SimulationError.barOutOfOrder(symbol: Fixture.symbol, time: Fixture.minute,
                                                  previousTime: 2 * Fixture.minute)) {
        try engine.process(Fixture.bar(1, 100, 101, 99, 100), events: &events)
    }
}

@Test func errorDescriptionNamesTheBarTheFieldAndTheExpectation() {
    #expect(bad("volume", -1, "a finite volume >= 0").description
        == "simulation: bar BTC/USDT at 60000: volume is -1.0, expected a finite volume >= 0")
}

@Test func processWithoutWorkingOrdersStillRecordsTheLastBar() throws {
    var engine = Fixture.engine()
    var events: [ExecutionEvent] = []
    try engine.process(Fixture.bar(3, 100, 101, 99, 100.25), events: &events)
    #expect(events.isEmpty)
    #expect(engine.lastBar == Fixture.bar(3, 100, 101, 99, 100.25))
}

@Test func everyErrorDescriptionNamesWhatFailedAndWhatIsExpected() {
    #expect(SimulationError.barOutOfOrder(symbol: "BTC/USDT", time: 60_000, previousTime: 120_000).description
        == "simulation: bar BTC/USDT at 60000 is not after the previous bar at 120000;"
        + " feed bars in strictly increasing time order")
    #expect(SimulationError.unknownInstrumentIndex(3, count: 2).description
        == "simulation: instrument index 3 is out of range, expected 0..<2")
    #expect(SimulationError.duplicateInstrument(symbol: "ETH/USDT").description
        == "simulation: instrument ETH/USDT is listed twice; list each symbol once")
    #expect(SimulationError.invalidConfig(field: "maxVolumeParticipation", value: "2.0", expected: "a fraction in (0, 1]")
        .description == "simulation: config maxVolumeParticipation is 2.0, expected a fraction in (0, 1]")
}
