import Testing
@testable import TradingApp

@Test func moduleLoads() { #expect(Bool(true)) }
