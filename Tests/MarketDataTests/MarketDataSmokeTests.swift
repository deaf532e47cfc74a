import Testing
@testable import MarketData

@Test func moduleLoads() { #expect(Bool(true)) }
