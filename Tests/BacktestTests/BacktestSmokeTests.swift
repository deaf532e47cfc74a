import Testing
@testable import Backtest

@Test func moduleLoads() { #expect(Bool(true)) }
