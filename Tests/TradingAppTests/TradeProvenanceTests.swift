import ArgumentParser
import Foundation
import KnowledgeGraph
import Persistence
import Testing
import TradingCore
@testable import TradingApp

@Suite("graphwiz trade records provenance in the knowledge graph")
struct TradeProvenanceTests {
    static let session = "paper-sim-sma_cross-BTCUSDT"

    /// A filled order of the run in `db`, from the order journal.
    static func filledOrder(db: String) async throws -> String? {
        try await SQLStore.withStore(path: db) { store in
            try await OrderJournalStore(store: store).orders(in: nil, session: session)
                .first { $0.state == .filled }?.clientOrderId
        }
    }

    @Test("a paper trader stopped by SIGINT flushed its provenance: graph why shows signal, risk check, order, fill and position")
    func paperRunStoppedBySignal() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let trader = try GraphwizProcess("trade", arguments: [
            "--mode", "paper", "--exchange", "sim", "--symbol", "BTC/USDT", "--strategy", "sma_cross",
            "--param", "fast=2", "--param", "slow=3", "--bars", "100000", "--speed", "100", "--db", db,
        ], environment: [:])
        #expect(await trader.waitForLog("reconciliation with sim", seconds: 60), "\(trader.log)")
        // A few hundred bars of a 2/3 crossover trade often; the run lasts far longer than this.
        try await Task.sleep(for: .seconds(5))
        #expect(await trader.stop(SIGINT, seconds: 60) == 0, "graceful stop: \(trader.log)")
        let summary = try #require(trader.log.split(separator: "\n").first { $0.hasPrefix("knowledge graph: ") },
                                   "\(trader.log)")
        let written = try #require(Int(summary.split(separator: " ")[2]), "\(summary)")
        #expect(written > 0, "\(summary)")
        #expect(summary.contains("embedded in \(db)"), "\(summary)")

        let orderId = try #require(try await Self.filledOrder(db: db), "no filled order in the journal: \(trader.log)")
        let why = try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) { store in
            try await ProvenanceQuery.why(orderId: orderId, in: EmbeddedGraphStore(store: store))
        }
        #expect(why.strategy?.id == "sma_cross")
        #expect(why.signal?.properties["symbol"]?.stringValue == "BTC/USDT")
        #expect(why.riskVerdict == GraphSchema.approvedBy)
        #expect(why.order?.properties["status"]?.stringValue == "filled")
        #expect(why.order?.properties["run_id"]?.stringValue?.hasPrefix("trade-") == true)
        #expect(!why.fills.isEmpty)
        #expect(why.positions.first?.properties["symbol"]?.stringValue == "BTC/USDT")

        // The command a user runs shows the same chain.
        let query = try GraphwizProcess("graph", arguments: ["why", orderId, "--db", db], environment: [:])
        #expect(await query.waitForExit(seconds: 60) == 0, "\(query.log)")
        _ = await query.waitForLog("UPDATED", seconds: 2)
        for step in ["GENERATED → Signal", "APPROVED_BY → RiskCheck", "PLACED → Order \(orderId)", "FILLED_BY → Fill",
                     "UPDATED → Position"] {
            #expect(query.log.contains(step), "\(step) missing from: \(query.log)")
        }
    }

    @Test("--no-graph records nothing and says so")
    func noGraph() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let command = try DataTestDirectory.parse(
            ["trade", "--exchange", "sim", "--param", "fast=2", "--param", "slow=3", "--bars", "200", "--no-graph",
             "--db", db], as: TradeCommand.self)
        let lines = try await command.perform { _ in }
        #expect(lines.contains("knowledge graph: off (--no-graph), no provenance recorded"), "\(lines)")
        let stats = try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) { store in
            try await EmbeddedGraphStore(store: store).stats()
        }
        #expect(stats.nodesByLabel[GraphSchema.order] ?? 0 == 0, "\(stats)")
    }

    @Test("knowledge_graph.backend: off in --config records nothing")
    func configOff() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let config = try dir.write("config.yaml", "knowledge_graph:\n  backend: off\n")
        let command = try DataTestDirectory.parse(
            ["trade", "--exchange", "sim", "--bars", "100", "--config", config, "--db", db], as: TradeCommand.self)
        let lines = try await command.perform { _ in }
        #expect(lines.contains { $0.hasPrefix("knowledge graph: off (knowledge_graph.backend: off)") }, "\(lines)")
    }

    @Test("knowledge_graph.backend: neo4j in --config with an unreachable server stops trade before any order, naming neo4j.uri")
    func unreachableNeo4j() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let config = try dir.write("config.yaml", """
            knowledge_graph:
              backend: neo4j
            neo4j:
              uri: "bolt://127.0.0.1:1"
              password: "x"
            """)
        let command = try DataTestDirectory.parse(
            ["trade", "--exchange", "sim", "--bars", "100", "--config", config, "--db", db], as: TradeCommand.self)
        do {
            _ = try await command.perform { _ in }
            Issue.record("trade ran without its configured graph")
        } catch let error as ValidationError {
            #expect("\(error)".contains("neo4j.uri: cannot use the Neo4j server at bolt://127.0.0.1:1"), "\(error)")
        }
        let orders = try await SQLStore.withStore(path: db) { store in
            try await OrderJournalStore(store: store).orders(in: nil, session: Self.session)
        }
        #expect(orders.isEmpty)
    }

    @Test("without --config the embedded graph in --db gets the run's orders")
    func embeddedByDefault() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let command = try DataTestDirectory.parse(
            ["trade", "--exchange", "sim", "--param", "fast=2", "--param", "slow=3", "--bars", "200", "--db", db],
            as: TradeCommand.self)
        let lines = try await command.perform { _ in }
        let summary = try #require(lines.first { $0.hasPrefix("knowledge graph: ") }, "\(lines)")
        let orderId = try #require(try await Self.filledOrder(db: db))
        let (stats, why) = try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) { store in
            let graph = EmbeddedGraphStore(store: store)
            return (try await graph.stats(), try await ProvenanceQuery.why(orderId: orderId, in: graph))
        }
        #expect(summary.contains("provenance records written (embedded in \(db))"), "\(summary)")
        #expect((stats.nodesByLabel[GraphSchema.order] ?? 0) > 0, "\(stats)")
        #expect((stats.nodesByLabel[GraphSchema.position] ?? 0) > 0, "\(stats)")
        #expect(why.signal != nil && why.riskCheck != nil && why.order != nil && !why.fills.isEmpty)
    }
}
