import Testing
@testable import Indicators

@Test func moduleLoads() { #expect(Bool(true)) }
