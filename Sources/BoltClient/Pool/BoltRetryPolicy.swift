/// Retries a unit of work after retryable ``BoltError``s, waiting the given delays in between.
struct BoltRetryPolicy: Sendable {
    /// Delay before each retry; the count is the number of retries after the first attempt.
    var delays: [Duration]

    /// Runs `operation`; after a retryable error waits `delays[attempt]` (through `sleep`, so tests
    /// need no clock) and tries again, until the delays are used up.
    /// - Throws: the first non-retryable error, or the last error once retries are exhausted.
    func run<T>(
        sleep: (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        _ operation: () async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await operation()
            } catch let error as BoltError where error.isRetryable && attempt < delays.count {
                try await sleep(delays[attempt])
                attempt += 1
            }
        }
    }
}
