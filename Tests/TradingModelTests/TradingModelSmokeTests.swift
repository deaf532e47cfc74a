import Testing
@testable import TradingModel

@Test func moduleLoads() { #expect(Bool(true)) }
