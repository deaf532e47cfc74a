import KnowledgeGraph
import Testing

@Suite("GraphStore contract on the embedded SQLite store")
struct EmbeddedGraphStoreContractTests {
    @Test(arguments: GraphStoreContract.allCases)
    func embeddedStoreHonoursTheContract(_ behaviour: GraphStoreContract) async throws {
        try await TemporaryGraph.withEmbedded { try await behaviour.run(on: $0) }
    }

    @Test func cypherQueriesAreRefusedWithAHint() async throws {
        try await TemporaryGraph.withEmbedded { store in
            await #expect(throws: GraphError.unsupported(
                backend: "embedded", operation: "Cypher queries",
                hint: "use --neo4j-url bolt://HOST:7687 (or GRAPHWIZ_NEO4J_URL), or `graph why/stats/export/correlations`")) {
                _ = try await store.query("MATCH (n) RETURN n", parameters: [:])
            }
        }
    }
}

/// Skipped (visibly) unless GRAPHWIZ_BOLT_URL points at a Bolt server (`scripts/falkordb.sh start`).
@Suite("GraphStore contract on Neo4jGraphStore over Bolt", .serialized, .enabled(if: TemporaryGraph.isBoltConfigured))
struct BoltGraphStoreContractTests {
    @Test(arguments: GraphStoreContract.allCases)
    func boltStoreHonoursTheContract(_ behaviour: GraphStoreContract) async throws {
        try await TemporaryGraph.withBolt { store in
            // FalkorDB's Bolt endpoint inlines parameters into the query text without escaping quotes and
            // backslashes ("'" is a syntax error, "\t" comes back as a tab); Neo4j passes parameters as values.
            if behaviour == .quotesAndBackslashesInTextRoundTrip, try await !TemporaryGraph.passesStringsExactly(store) {
                withKnownIssue("the Bolt server mangles string parameters with quotes or backslashes (FalkorDB)") {
                    throw GraphError.unsupported(backend: "FalkorDB", operation: "backslashes in parameters",
                                                 hint: "use Neo4j")
                }
                return
            }
            try await behaviour.run(on: store)
        }
    }

    @Test func schemaPreparationIsIdempotent() async throws {
        try await TemporaryGraph.withBolt { store in
            let first = try await store.prepareSchema(labels: ["Order", "Signal"])
            let second = try await store.prepareSchema(labels: ["Order", "Signal"])
            #expect(first.count == second.count)
            #expect(first.count <= 2)
        }
    }

    @Test func liveProvenanceRegimesAndCorrelationsReadBackOverBolt() async throws {
        try await TemporaryGraph.withBolt { store in
            try await seedQueries(store)
            let tool = GraphQueryTool(store: store)
            #expect(await tool.call(arguments: #"{"query":"current_regime","symbol":"BTCUSDT"}"#)
                == #"{"markets":[{"bars":3,"from":7200000,"market":"binance:BTCUSDT","regime":"trend_up","timeframe":"1h","to":14400000}],"query":"current_regime","symbol":"BTCUSDT"}"#)
            #expect(await tool.call(arguments: #"{"query":"correlated_assets","asset":"BTC"}"#)
                == #"{"asset":"BTC","correlated":[{"asset":"ETH","rho":0.8},{"asset":"SOL","rho":-0.4}],"query":"correlated_assets"}"#)
            let why = try await ProvenanceQuery.why(orderId: "live-1", in: store)
            #expect(why.agentDecisions.map(\.id) == ["live-1/risk_agent"])
            #expect(why.positions.map(\.id) == ["paper/BTCUSDT/2000"])
            #expect(why.order?.properties["status"] == "filled")
            let matrix = try await GraphCorrelationSource(store: store).matrix(symbols: ["BTCUSDT", "ETHUSDT"])
            #expect(matrix.rho == [[1, 0.8], [0.8, 1]])
        }
    }

    @Test func rawCypherQueriesReturnColumnsAndRows() async throws {
        try await TemporaryGraph.withBolt { store in
            try await store.upsert(nodes: [GraphNode(label: "Asset", id: "BTC", properties: ["rank": 1])])
            let result = try await store.query("MATCH (a:Asset {id: $id}) RETURN a.id AS id, a.rank AS rank",
                                               parameters: ["id": "BTC"])
            #expect(result == GraphQueryResult(columns: ["id", "rank"], rows: [["BTC", 1]]))
        }
    }
}
