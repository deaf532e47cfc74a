import Testing
@testable import Persistence

@Test func moduleLoads() { #expect(Bool(true)) }
