/// Polls `condition` every 50 ms until it holds or `seconds` passed; true once it holds. A thrown error counts
/// as "not yet". Waits are generous (the machine running the tests may be loaded): a condition that holds
/// returns at once, so the bound only matters when a test is failing.
func eventually(_ seconds: Double = 30, _ condition: () async throws -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return (try? await condition()) == true
}
