import BoltTestSupport
import Foundation
import KnowledgeGraph
import Testing
@testable import TradingApp

@Suite("graphwiz trade: provenance on the neo4j backend of --config (FalkorDB)", .serialized,
       .enabled(if: ServeBoltServer.isConfigured))
struct TradeNeo4jProvenanceTests {
    @Test("knowledge_graph.backend: neo4j in --config: trade writes signal, risk check, order, fill and position there")
    func provenanceOnNeo4j() async throws {
        // FalkorDB has one graph whatever the database: hold the shared lock from the first write to the cleanup.
        try await SharedGraphLock.withLock {
            let dir = try DataTestDirectory()
            defer { dir.remove() }
            let graph = "graphwiz_trade_test_\(UInt32.random(in: 0...UInt32.max))"
            let config = try dir.write("graphwiz.yaml", ServeBoltServer.config(url: ServeBoltServer.url!,
                                                                             password: ServeBoltServer.password, graph: graph))
            let command = try DataTestDirectory.parse(
                ["trade", "--exchange", "sim", "--param", "fast=2", "--param", "slow=3", "--bars", "150",
                 "--config", config, "--db", dir.path("trade.sqlite")], as: TradeCommand.self)
            let lines = try await command.perform { _ in }
            let summary = try #require(lines.first { $0.hasPrefix("knowledge graph: ") }, "\(lines)")
            #expect(summary.contains("provenance records written (neo4j \(ServeBoltServer.url!) database \(graph))"),
                    "\(summary)")
            #expect(!summary.contains("failed"), "\(summary)")

            try await ServeBoltServer.withGraph(graph) { store in
                let filled = try await store.query("MATCH (o:Order) WHERE o.status = 'filled' RETURN o.id AS id LIMIT 3",
                                                   parameters: [:])
                let ids = filled.rows.compactMap { $0.first?.stringValue }
                #expect(!ids.isEmpty, "no filled Order nodes in graph \(graph): \(lines)")
                for id in ids {
                    let why = try await ProvenanceQuery.why(orderId: id, in: store)
                    #expect(why.strategy?.id == "sma_cross", "\(why.lines())")
                    #expect(why.riskVerdict == GraphSchema.approvedBy, "\(why.lines())")
                    #expect(!why.fills.isEmpty, "\(why.lines())")
                    #expect(why.positions.first?.properties["symbol"]?.stringValue == "BTC/USDT", "\(why.lines())")
                }
            }
        }
    }
}
