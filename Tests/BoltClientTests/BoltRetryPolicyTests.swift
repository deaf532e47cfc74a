@testable import BoltClient
import NIOConcurrencyHelpers
import Testing

@Suite struct BoltRetryPolicyTests {
    private let transient = BoltError.server(code: "Neo.TransientError.General.DatabaseUnavailable", message: "busy")

    @Test func transientFailuresAreRetriedWithTheConfiguredBackoff() async throws {
        let policy = BoltRetryPolicy(delays: [.seconds(1), .seconds(2), .seconds(4)])
        let attempts = NIOLockedValueBox(0)
        let slept = NIOLockedValueBox<[Duration]>([])
        let value = try await policy.run(sleep: { delay in slept.withLockedValue { $0.append(delay) } }) {
            let attempt = attempts.withLockedValue { count -> Int in
                count += 1
                return count
            }
            if attempt < 3 { throw transient }
            return "done"
        }
        #expect(value == "done")
        #expect(attempts.withLockedValue { $0 } == 3)
        #expect(slept.withLockedValue { $0 } == [.seconds(1), .seconds(2)])
    }

    @Test func retriesStopWhenTheDelaysAreUsedUp() async {
        let policy = BoltRetryPolicy(delays: [.seconds(1), .seconds(2), .seconds(4)])
        let attempts = NIOLockedValueBox(0)
        await #expect(throws: transient) {
            try await policy.run(sleep: { _ in }) { () async throws -> Int in
                attempts.withLockedValue { $0 += 1 }
                throw transient
            }
        }
        #expect(attempts.withLockedValue { $0 } == 4)
    }

    @Test func clientErrorsAreNotRetried() async {
        let attempts = NIOLockedValueBox(0)
        let syntax = BoltError.server(code: "Neo.ClientError.Statement.SyntaxError", message: "bad")
        await #expect(throws: syntax) {
            try await BoltRetryPolicy(delays: [.seconds(1)]).run(sleep: { _ in }) { () async throws -> Int in
                attempts.withLockedValue { $0 += 1 }
                throw syntax
            }
        }
        #expect(attempts.withLockedValue { $0 } == 1)
    }

    @Test func poolDefaultsMatchTheSpecification() {
        let configuration = BoltPoolConfiguration()
        #expect(configuration.maxConnections == 50)
        #expect(configuration.maxLifetime == .seconds(3600))
        #expect(configuration.acquireTimeout == .seconds(60))
        #expect(configuration.retryDelays == [.seconds(1), .seconds(2), .seconds(4)])
    }
}
