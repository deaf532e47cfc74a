import ArgumentParser
import Foundation
import KnowledgeGraph
import Persistence
import Testing
import TradingCore
import TradingModel
@testable import TradingApp

@Suite struct GraphCommandTests {
    /// A store with one filled order (t-1), one refused signal (t-2) and a correlation.
    static func seeded(_ dir: DataTestDirectory) async throws -> String {
        let db = dir.path("graph.sqlite")
        var order = Order(request: OrderRequest(clientOrderId: "t-1", symbol: "BTCUSDT", side: .buy, quantity: Fixed(1),
                                                tag: "golden_cross"), createdAt: 1000)
        order.status = .filled
        order.filledQuantity = Fixed(1)
        order.filledNotional = Fixed(100)
        order.updatedAt = 2000
        let input = DecisionGraphInput(
            runId: "t", strategy: "sma_cross", parameters: ParameterValues(["fast": .int(5)]), orders: [order],
            rejections: [RiskRejection(code: "max_drawdown", message: "drawdown 12% > 10%", clientOrderId: "t-2",
                                       symbol: "BTCUSDT", time: 3000)],
            trades: [])
        try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) { sql in
            let store = EmbeddedGraphStore(store: sql)
            try await DecisionGraphWriter().write(input, to: store)
            try await store.upsert(relationships: [
                GraphRelationship(type: "CORRELATED_WITH", from: GraphNodeRef(label: "Asset", id: "BTC"),
                                  to: GraphNodeRef(label: "Asset", id: "ETH"),
                                  properties: ["rho": 0.81234, "window": 500, "as_of": 1_732_487_712_000]),
                GraphRelationship(type: "CORRELATED_WITH", from: GraphNodeRef(label: "Asset", id: "BTC"),
                                  to: GraphNodeRef(label: "Asset", id: "SOL"), properties: ["rho": -0.9, "window": 500]),
            ])
        }
        return db
    }

    @Test func whyPrintsTheChainFromStrategyToFill() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "why", "t-1", "--db", db], as: GraphWhy.self).perform()
        #expect(output.exitCode == 0)
        #expect(output.text == """
            Provenance of t-1
              Strategy sma_cross  name=sma_cross
               └─ GENERATED → Signal t-1  param_fast=5 run_id=t side=buy strategy=sma_cross symbol=BTCUSDT tag=golden_cross time=1000
                   └─ APPROVED_BY → RiskCheck t-1  passed=true time=1000
                       └─ PLACED → Order t-1  average_price=100 fees=0 filled_quantity=1 quantity=1 reduce_only=false \
            run_id=t side=buy status=filled symbol=BTCUSDT tag=golden_cross time=1000 time_in_force=gtc type=market updated_at=2000
                           └─ FILLED_BY → Fill t-1/fill  fee=0 price=100 quantity=1 side=buy symbol=BTCUSDT time=2000

            """)
    }

    @Test func whyJSONNamesTheRejectingRiskCheck() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "why", "t-2", "--json", "--db", db], as: GraphWhy.self)
            .perform()
        let decoded = try JSONDecoder().decode(OrderProvenance.self, from: Data(output.text.utf8))
        #expect(decoded.riskVerdict == "REJECTED_BY")
        #expect(decoded.riskCheck?.properties["code"] == "max_drawdown")
        #expect(decoded.order == nil)
        #expect(decoded.strategy?.id == "sma_cross")
    }

    @Test func whyOfAnUnknownOrderExitsWithOne() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "why", "x-9", "--db", db], as: GraphWhy.self).perform()
        #expect(output.exitCode == 1)
        #expect(output.text.hasPrefix("graph: no Order or Signal node with id 'x-9'"))
    }

    @Test func statsCountsByLabelAndType() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "stats", "--db", db], as: GraphStatsCommand.self).perform()
        #expect(output.text == """
            Graph (embedded): 10 nodes, 9 relationships
            LABEL      NODES
            Asset      3
            Fill       1
            Order      1
            RiskCheck  2
            Signal     2
            Strategy   1
            TYPE             RELATIONSHIPS
            APPROVED_BY      1
            BASED_ON         1
            CORRELATED_WITH  2
            FILLED_BY        1
            GENERATED        2
            PLACED           1
            REJECTED_BY      1

            """)
    }

    @Test func correlationsListTheStrongestFirst() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "correlations", "--top", "5", "--db", db],
                                                       as: GraphCorrelations.self).perform()
        #expect(output.text == """
            ASSET  ASSET  RHO      WINDOW  AS OF
            BTC    SOL    -0.9000  500     -
            BTC    ETH    0.8123   500     2024-11-24T22:35:12Z

            """)
    }

    @Test func exportWritesGraphMLWithEveryNode() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let out = dir.path("graph.graphml")
        let output = try await DataTestDirectory.parse(["graph", "export", "--format", "graphml", "--out", out, "--db", db],
                                                       as: GraphExportCommand.self).perform()
        #expect(output.text == "Exported 10 nodes and 9 relationships to \(out) (graphml)\n")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.components(separatedBy: "<node ").count - 1 == 10)
        #expect(text.components(separatedBy: "<edge ").count - 1 == 9)
    }

    @Test func queryOnTheEmbeddedBackendIsAClearError() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "query", "MATCH (n) RETURN n", "--db", db],
                                                       as: GraphQuery.self).perform()
        #expect(output.exitCode == 2)
        #expect(output.text.hasPrefix("graph: the embedded backend does not support Cypher queries; use --neo4j-url"))
    }

    @Test func benchWritesAndQueriesASmallRun() async throws {
        let output = try await DataTestDirectory.parse(["graph", "bench", "--orders", "40", "--queries", "5", "--batch-size", "50"],
                                                       as: GraphBench.self).perform()
        #expect(output.text.contains("write: 40 orders, 181 nodes + 240 relationships in "))
        #expect(output.text.contains("why:   5 queries, p50 "))
    }

    @Test func backtestWritesItsDecisionGraphUnlessNoGraph() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("bt.sqlite")
        let lines = try await DataTestDirectory.parse(["backtest", "--bars", "600", "--no-reports", "--db", db],
                                                      as: BacktestCommand.self).perform()
        let graphLine = try #require(lines.first { $0.hasPrefix("  Decision graph: ") })
        let stats = try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) {
            try await EmbeddedGraphStore(store: $0).stats()
        }
        let orders = try #require(stats.nodesByLabel["Order"])
        #expect(orders > 0)
        #expect(stats.nodesByLabel["Signal"] == orders)
        #expect(stats.relationshipsByType["PLACED"] == orders)
        #expect(stats.nodesByLabel["Market"] == 1)
        #expect(graphLine.hasPrefix("  Decision graph: \(stats.nodeCount - 4) nodes, \(stats.relationshipCount - 3) relationships"))

        let skipped = dir.path("skipped.sqlite")
        let quiet = try await DataTestDirectory.parse(["backtest", "--bars", "600", "--no-reports", "--no-graph",
                                                       "--db", skipped], as: BacktestCommand.self).perform()
        #expect(!quiet.contains { $0.contains("Decision graph") })
        let skippedStats = try await SQLStore.withStore(path: skipped, migrations: EmbeddedGraphStore.migrations) {
            try await EmbeddedGraphStore(store: $0).stats()
        }
        #expect(skippedStats.nodeCount == 0)
        // --no-store writes neither the run nor its graph.
        let none = dir.path("none.sqlite")
        _ = try await DataTestDirectory.parse(["backtest", "--bars", "600", "--no-reports", "--no-store", "--db", none],
                                              as: BacktestCommand.self).perform()
        #expect(!FileManager.default.fileExists(atPath: none))
    }

    @Test func pruneDeletesOldNodesOfOneLabel() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["graph", "prune", "--label", "Signal", "--before", "1970-01-01T00:00:02Z", "--db", db],
                                                       as: GraphPrune.self).perform()
        #expect(output.text == "Deleted 1 Signal nodes older than 1970-01-01T00:00:02Z\n")
        let stats = try await DataTestDirectory.parse(["graph", "stats", "--db", db], as: GraphStatsCommand.self).perform()
        #expect(stats.text.hasPrefix("Graph (embedded): 9 nodes, 6 relationships"))
    }
}
