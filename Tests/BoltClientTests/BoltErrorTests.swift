@testable import BoltClient
import Testing

@Suite struct BoltErrorTests {
    @Test(arguments: [
        ("Neo.TransientError.General.DatabaseUnavailable", BoltError.Classification.transient, true),
        ("Neo.TransientError.Transaction.DeadlockDetected", .transient, true),
        ("Neo.TransientError.Transaction.Terminated", .transient, false),
        ("Neo.TransientError.Transaction.LockClientStopped", .transient, false),
        ("Neo.ClientError.Statement.SyntaxError", .client, false),
        ("FalkorDB.ClientError.Security.Unauthorized", .client, false),
        ("Neo.DatabaseError.General.UnknownError", .database, false),
        ("garbage", .other, false),
    ])
    func serverCodesAreClassifiedBySecondSegment(code: String, classification: BoltError.Classification, retry: Bool) {
        let error = BoltError.server(code: code, message: "m")
        #expect(error.classification == classification)
        #expect(error.isRetryable == retry)
    }

    @Test func connectionErrorsAreRetryableOthersAreNot() {
        #expect(BoltError.connectionClosed(reason: "x").isRetryable)
        #expect(BoltError.timeout(operation: "x", seconds: 1).isRetryable)
        #expect(BoltError.acquireTimeout(seconds: 1).isRetryable == false)
        #expect(BoltError.protocolViolation("x").isRetryable == false)
    }

    @Test func descriptionNamesCodeAndMessage() {
        #expect(BoltError.server(code: "Neo.ClientError.Statement.SyntaxError", message: "Invalid input").description
            == "Bolt server failure Neo.ClientError.Statement.SyntaxError: Invalid input")
    }
}
