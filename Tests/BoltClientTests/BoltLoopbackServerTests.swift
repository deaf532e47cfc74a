@testable import BoltClient
import NIOCore
import Testing

/// The public API end to end over a loopback socket, against ``ScriptedBoltServer``.
@Suite struct BoltLoopbackServerTests {
    @Test func resultsArePulledInBatchesOnlyAsTheConsumerReads() async throws {
        let server = try await ScriptedBoltServer.start(rows: 25)
        let connection = try await BoltConnection.connect(configuration: server.configuration(fetchSize: 10))
        let result = try await connection.run("UNWIND range(1, 25) AS i RETURN i")
        #expect(result.keys == ["i"])
        #expect(server.log.withLockedValue { $0 } == ["HELLO", "LOGON", "RUN UNWIND range(1, 25) AS i RETURN i", "PULL 10"])
        var iterator = result.makeAsyncIterator()
        var seen: [Int64] = []
        for _ in 0..<10 { seen.append(try await iterator.next()?["i"]?.intValue ?? -1) }
        #expect(server.log.withLockedValue { $0 }.filter { $0.hasPrefix("PULL") }.count == 1)
        while let record = try await iterator.next() { seen.append(record["i"]?.intValue ?? -1) }
        #expect(seen == Array(1...25))
        #expect(server.log.withLockedValue { $0 }.filter { $0.hasPrefix("PULL") } == ["PULL 10", "PULL 10", "PULL 10"])
        #expect(iterator.summary == ["bookmark": "bm-auto"])
        #expect(connection.lastBookmark == "bm-auto")
        await connection.close()
        await server.stop()
    }

    @Test func newQueryDiscardsTheUnreadRestOfTheOpenStream() async throws {
        let server = try await ScriptedBoltServer.start(rows: 25)
        let connection = try await BoltConnection.connect(configuration: server.configuration(fetchSize: 10))
        let first = try await connection.run("FIRST")
        let second = try await connection.query("SECOND")
        #expect(second.records.count == 25)
        #expect(server.log.withLockedValue { $0 } == ["HELLO", "LOGON", "RUN FIRST", "PULL 10", "DISCARD -1",
                                                       "RUN SECOND", "PULL 10", "PULL 10", "PULL 10"])
        var iterator = first.makeAsyncIterator()
        for _ in 0..<10 { _ = try await iterator.next() }
        await #expect(throws: BoltError.resultConsumed) { _ = try await iterator.next() }
        await connection.close()
        await server.stop()
    }

    @Test func failedQueryIsResetAndTheConnectionStaysUsable() async throws {
        let server = try await ScriptedBoltServer.start(rows: 1)
        let connection = try await BoltConnection.connect(configuration: server.configuration())
        await #expect(throws: BoltError.server(code: "Neo.ClientError.Statement.SyntaxError",
                                               message: "Invalid input 'FAIL'")) {
            _ = try await connection.query("FAIL")
        }
        let ok = try await connection.query("OK")
        #expect(ok.records.map(\.values) == [[1]])
        #expect(server.log.withLockedValue { $0 }.dropFirst(2) == ["RUN FAIL", "PULL 1000", "RESET", "RUN OK", "PULL 1000"])
        await connection.close()
        await server.stop()
    }

    @Test func managedTransactionRetriesTransientCommitFailures() async throws {
        let server = try await ScriptedBoltServer.start(rows: 1, commitFailures: 2)
        let pool = BoltConnectionPool(configuration: server.configuration(),
                                      poolConfiguration: BoltPoolConfiguration(maxConnections: 2,
                                                                               retryDelays: [.milliseconds(1), .milliseconds(1), .milliseconds(1)]))
        let value = try await pool.writeTransaction { tx in
            try await tx.query("WRITE").records.first?["i"]
        }
        #expect(value == 1)
        let log = server.log.withLockedValue { $0 }
        #expect(log.filter { $0 == "BEGIN" }.count == 3)
        #expect(log.filter { $0 == "COMMIT" }.count == 3)
        #expect(pool.statistics.open == 1)
        await pool.close()
        await server.stop()
    }

    @Test func managedTransactionGivesUpAfterTheLastRetry() async throws {
        let server = try await ScriptedBoltServer.start(rows: 1, commitFailures: 10)
        let pool = BoltConnectionPool(configuration: server.configuration(),
                                      poolConfiguration: BoltPoolConfiguration(maxConnections: 1,
                                                                               retryDelays: [.milliseconds(1), .milliseconds(1)]))
        await #expect(throws: BoltError.server(code: "Neo.TransientError.Transaction.DeadlockDetected", message: "deadlock")) {
            try await pool.writeTransaction { tx in _ = try await tx.query("WRITE") }
        }
        #expect(server.log.withLockedValue { $0 }.filter { $0 == "COMMIT" }.count == 3)
        await pool.close()
        await server.stop()
    }

    @Test func explicitTransactionRollsBackWhenTheBodyThrows() async throws {
        struct Abort: Error {}
        let server = try await ScriptedBoltServer.start(rows: 1)
        let connection = try await BoltConnection.connect(configuration: server.configuration())
        await #expect(throws: Abort.self) {
            try await connection.withTransaction { tx in
                _ = try await tx.query("WRITE")
                throw Abort()
            }
        }
        #expect(server.log.withLockedValue { $0 }.suffix(4) == ["BEGIN", "RUN WRITE", "PULL 1000", "ROLLBACK"])
        let tx = try await connection.beginTransaction()
        #expect(try await tx.commit() == "bm-commit")
        #expect(tx.isOpen == false)
        await #expect(throws: BoltError.transactionClosed("cannot COMMIT: the transaction was committed")) {
            try await tx.commit()
        }
        await connection.close()
        await server.stop()
    }

    @Test func poolReusesConnectionsAndTimesOutWhenExhausted() async throws {
        let server = try await ScriptedBoltServer.start(rows: 1)
        let pool = BoltConnectionPool(configuration: server.configuration(),
                                      poolConfiguration: BoltPoolConfiguration(maxConnections: 1,
                                                                               acquireTimeout: .milliseconds(50)))
        _ = try await pool.query("A")
        _ = try await pool.query("B")
        #expect(server.log.withLockedValue { $0 }.filter { $0 == "HELLO" }.count == 1)
        try await pool.withConnection { _ -> Void in
            await #expect(throws: BoltError.acquireTimeout(seconds: 0.05)) {
                _ = try await pool.query("C")
            }
        }
        #expect(pool.statistics.waiting == 0)
        await pool.close()
        await #expect(throws: BoltError.poolClosed) { _ = try await pool.query("D") }
        await server.stop()
    }

    @Test func unreachableServerIsAConnectionError() async throws {
        do {
            // Port 1 (tcpmux) has no listener on test machines, so the connect is refused.
            _ = try await BoltConnection.connect(host: "127.0.0.1", port: 1, auth: .none)
            Issue.record("connect to a closed port succeeded")
        } catch let error as BoltError {
            #expect(error.classification == .connection)
        }
    }
}
