import Testing
@testable import Simulation

@Test func moduleLoads() { #expect(Bool(true)) }
