import BoltTestSupport
import BoltClient
import Testing

extension BoltServerTests {
    @Suite("FalkorDB over plain Bolt")
    struct FalkorDBBoltTests {
        @Test func connectNegotiatesTheHighestSharedVersion() async throws {
            let connection = try await BoltTestServer.connect()
            #expect(connection.version == BoltVersion(5, 7))
            #expect(connection.serverAgent.isEmpty == false)
            let result = try await connection.query("RETURN 1 AS one")
            #expect(result.keys == ["one"])
            #expect(result.records.map(\.values) == [[.int(1)]])
            await connection.close()
        }

        @Test func wrongPasswordIsATypedSecurityError() async throws {
            do {
                _ = try await BoltTestServer.connect(password: "definitely-wrong")
                Issue.record("connect with a wrong password succeeded")
            } catch let error as BoltError {
                guard case .server(let code, _) = error else {
                    Issue.record("expected a server error, got \(error)")
                    return
                }
                #expect(code.hasSuffix("ClientError.Security.Unauthorized"))
                #expect(error.classification == .client)
                #expect(error.isRetryable == false)
            }
        }

        // FalkorDB ignores PULL's `n` and sends all records at once; batching itself is covered by
        // BoltClientTests.BoltLoopbackServerTests against a scripted server that honours `n`.
        @Test func pullWithABatchSizeSmallerThanTheResultYieldsEveryRecordInOrder() async throws {
            let connection = try await BoltTestServer.connect(fetchSize: 10)
            let result = try await connection.run("UNWIND range(1, 25) AS i RETURN i")
            var seen: [Int64] = []
            for try await record in result { seen.append(record["i"]?.intValue ?? -1) }
            #expect(seen == Array(1...25))
            await connection.close()
        }

        @Test func parametersOfEverySupportedTypeRoundTrip() async throws {
            let connection = try await BoltTestServer.connect()
            let parameters: [String: BoltValue] = [
                "null": .null, "yes": true, "no": false, "tiny": -16, "small": -129, "medium": 40_000,
                "large": .int(5_000_000_000), "float": 1.5, "text": "héllo ✓", "list": [1, "two", 3.0],
                "map": ["a": 1, "b": ["c": "d"]],
            ]
            let keys = parameters.keys.sorted()
            let cypher = "RETURN " + keys.map { "$\($0) AS \($0)" }.joined(separator: ", ")
            let result = try await connection.query(cypher, parameters: parameters)
            #expect(result.keys == keys)
            for key in keys { #expect(result.records.first?[key] == parameters[key], "parameter \(key)") }
            await connection.close()
        }

        @Test func nodesAndRelationshipsDecode() async throws {
            try await SharedGraphLock.withLock {
                let connection = try await BoltTestServer.connect()
                let graph = BoltTestServer.uniqueGraph("entities")
                let result = try await connection.query(
                    "CREATE (a:Person {name: 'Ann'})-[r:KNOWS {since: 2020}]->(b:Person {name: 'Bob'}) RETURN a, r, b",
                    database: graph)
                let record = try #require(result.records.first)
                let ann = try #require(record["a"]?.nodeValue)
                let bob = try #require(record["b"]?.nodeValue)
                let knows = try #require(record["r"]?.relationshipValue)
                #expect(ann.labels == ["Person"])
                #expect(ann.properties == ["name": "Ann"])
                #expect(bob.properties == ["name": "Bob"])
                #expect(knows.type == "KNOWS")
                #expect(knows.properties == ["since": 2020])
                #expect(knows.startNodeID == ann.id)
                #expect(knows.endNodeID == bob.id)
                // Only this test's nodes: a server that ignores the database field would otherwise wipe the graphs
                // other suites are writing at the same time.
                _ = try? await connection.query("MATCH (n:Person) WHERE n.name IN ['Ann', 'Bob'] DETACH DELETE n", database: graph)
                await connection.close()
            }
        }

        @Test func failureIsTypedAndResetLeavesTheConnectionUsable() async throws {
            let connection = try await BoltTestServer.connect()
            await #expect(throws: BoltError.self) {
                _ = try await connection.query("THIS IS NOT CYPHER")
            }
            let result = try await connection.query("RETURN 2 AS two")
            #expect(result.records.map(\.values) == [[.int(2)]])
            await connection.close()
        }

        // FalkorDB ignores `db` in BEGIN, so transaction tests tag their nodes instead of using a graph of their own.
        @Test func beginCommitPersistsWrites() async throws {
            try await SharedGraphLock.withLock {
                let connection = try await BoltTestServer.connect()
                let tag = BoltTestServer.uniqueTag()
                try await connection.withTransaction { tx in
                    _ = try await tx.query("CREATE (:Item {tag: $tag, n: 1})", parameters: ["tag": .string(tag)])
                    _ = try await tx.query("CREATE (:Item {tag: $tag, n: 2})", parameters: ["tag": .string(tag)])
                }
                let count = try await connection.withTransaction { tx in
                    try await tx.query("MATCH (i:Item {tag: $tag}) RETURN count(i) AS c", parameters: ["tag": .string(tag)])
                }
                #expect(count.records.first?["c"] == .int(2))
                try await connection.withTransaction { tx in
                    _ = try await tx.query("MATCH (i:Item {tag: $tag}) DELETE i", parameters: ["tag": .string(tag)])
                }
                await connection.close()
            }
        }

        @Test func poolServesTwentyConcurrentQueriesWithFourConnections() async throws {
            // Managed transactions retry a connect that times out (see BoltTestServer.connect), so short delays.
            let pool = BoltConnectionPool(
                configuration: try BoltTestServer.configuration(),
                poolConfiguration: BoltPoolConfiguration(maxConnections: 4, acquireTimeout: .seconds(20),
                                                         retryDelays: [.milliseconds(10), .milliseconds(10)]))
            let values = try await withThrowingTaskGroup(of: Int64.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await pool.readTransaction { tx in
                            try await tx.query("RETURN $i AS i", parameters: ["i": .int(Int64(i))]).records.first?["i"]?
                                .intValue ?? -1
                        }
                    }
                }
                var values: [Int64] = []
                for try await value in group { values.append(value) }
                return values
            }
            #expect(values.sorted() == Array(0..<20))
            let stats = pool.statistics
            #expect(stats.open <= 4)
            #expect(stats.open == stats.idle)
            await pool.close()
            #expect(pool.statistics.open == 0)
        }

        @Test func managedTransactionCommitsThroughThePool() async throws {
            try await SharedGraphLock.withLock {
                let pool = BoltConnectionPool(
                    configuration: try BoltTestServer.configuration(),
                    // The previous test's pool.close() sent up to four GOODBYEs; each poisons one later connect.
                    poolConfiguration: BoltPoolConfiguration(maxConnections: 2,
                                                             retryDelays: Array(repeating: .milliseconds(10), count: 6)))
                let tag = BoltTestServer.uniqueTag()
                let created = try await pool.writeTransaction { tx in
                    try await tx.query("CREATE (n:Thing {tag: $tag, v: 7}) RETURN n.v AS v",
                                       parameters: ["tag": .string(tag)]).records.first?["v"]
                }
                #expect(created == .int(7))
                let read = try await pool.readTransaction { tx in
                    try await tx.query("MATCH (n:Thing {tag: $tag}) RETURN n.v AS v",
                                       parameters: ["tag": .string(tag)]).records.map { $0["v"] }
                }
                #expect(read == [.int(7)])
                try await pool.writeTransaction { tx in
                    _ = try await tx.query("MATCH (n:Thing {tag: $tag}) DELETE n", parameters: ["tag": .string(tag)])
                }
                await pool.close()
            }
        }

        @Test func goodbyeClosesTheConnection() async throws {
            let connection = try await BoltTestServer.connect()
            #expect(connection.isOpen)
            await connection.close()
            #expect(connection.isOpen == false)
            await #expect(throws: BoltError.self) {
                _ = try await connection.query("RETURN 1")
            }
        }
    }
}
