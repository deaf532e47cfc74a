import Testing
@testable import BoltClient

@Test func moduleLoads() { #expect(Bool(true)) }
