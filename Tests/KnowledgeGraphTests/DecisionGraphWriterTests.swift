import KnowledgeGraph
import Testing
import TradingModel

@Suite("Decision graph from a run")
struct DecisionGraphWriterTests {
    @Test func graphHasOneChainPerOrderARejectedChainPerRefusalAndTheTrade() throws {
        let batch = DecisionGraphWriter.graph(for: try DecisionFixtures.input())
        var labels: [String: Int] = [:]
        for node in batch.nodes { labels[node.label, default: 0] += 1 }
        var types: [String: Int] = [:]
        for relationship in batch.relationships { types[relationship.type, default: 0] += 1 }
        #expect(labels == ["Strategy": 1, "Signal": 4, "RiskCheck": 4, "Order": 3, "Fill": 2, "Trade": 1])
        #expect(types == ["GENERATED": 4, "APPROVED_BY": 3, "REJECTED_BY": 1, "BASED_ON": 3, "PLACED": 3,
                          "FILLED_BY": 2, "OPENED_BY": 1, "CLOSED_BY": 1])
    }

    @Test func signalCarriesTagBarTimeAndStrategyParameters() throws {
        let batch = DecisionGraphWriter.graph(for: try DecisionFixtures.input())
        let signal = try #require(batch.nodes.first { $0.label == "Signal" && $0.id == "bt-1" })
        #expect(signal.properties == ["tag": "golden_cross", "time": 1000, "symbol": "BTCUSDT", "side": "buy",
                                      "strategy": "sma_cross", "run_id": "bt", "param_fast": 10, "param_slow": 30])
    }

    @Test func venueRefusalIsRecordedOnThePlacedOrder() throws {
        let batch = DecisionGraphWriter.graph(for: try DecisionFixtures.input())
        let order = try #require(batch.nodes.first { $0.label == "Order" && $0.id == "bt-4" })
        #expect(order.properties["status"] == "rejected")
        #expect(order.properties["rejection_code"] == "venue_rejected")
        #expect(order.properties["rejection_reason"] == "insufficient balance")
    }

    @Test func smallBatchSizeWritesTheSameGraphAsOneBatch() async throws {
        let input = try DecisionFixtures.input()
        try await TemporaryGraph.withEmbedded { store in
            let written = try await DecisionGraphWriter(batchSize: 3).write(input, to: store)
            let stats = try await store.stats()
            #expect(stats == GraphStats(
                nodesByLabel: ["Strategy": 1, "Signal": 4, "RiskCheck": 4, "Order": 3, "Fill": 2, "Trade": 1],
                relationshipsByType: ["GENERATED": 4, "APPROVED_BY": 3, "REJECTED_BY": 1, "BASED_ON": 3, "PLACED": 3,
                                      "FILLED_BY": 2, "OPENED_BY": 1, "CLOSED_BY": 1]))
            #expect(written == stats)
        }
    }

    @Test func whyFollowsTheChainFromStrategyToFillAndTrade() async throws {
        let input = try DecisionFixtures.input()
        try await TemporaryGraph.withEmbedded { store in
            try await DecisionGraphWriter().write(input, to: store)
            let why = try await ProvenanceQuery.why(orderId: "bt-2", in: store)
            #expect(why.strategy?.id == "sma_cross")
            #expect(why.signal?.properties["tag"] == "death_cross")
            #expect(why.riskVerdict == "APPROVED_BY")
            #expect(why.riskCheck?.properties["passed"] == true)
            #expect(why.order?.properties["average_price"] == "110.5")
            #expect(why.fills.map(\.id) == ["bt-2/fill"])
            #expect(why.fills.first?.properties["price"] == "110.5")
            #expect(why.trades.map { "\($0.relationship.type) \($0.node.id)" } == ["CLOSED_BY bt/trade-1"])
            #expect(why.trades.first?.node.properties["pnl"] == "20.5")
        }
    }

    @Test func whyOfARefusedSignalEndsAtTheRejectingRiskCheck() async throws {
        let input = try DecisionFixtures.input()
        try await TemporaryGraph.withEmbedded { store in
            try await DecisionGraphWriter().write(input, to: store)
            let why = try await ProvenanceQuery.why(orderId: "bt-3", in: store)
            #expect(why.order == nil)
            #expect(why.riskVerdict == "REJECTED_BY")
            #expect(why.riskCheck?.properties == ["passed": false, "code": "max_position",
                                                  "reason": "position would exceed 1 BTC", "time": 6000])
            #expect(why.lines() == [
                "Provenance of bt-3",
                "  Strategy sma_cross  name=sma_cross",
                "   └─ GENERATED → Signal bt-3  param_fast=10 param_slow=30 run_id=bt strategy=sma_cross symbol=BTCUSDT tag= time=6000",
                "       └─ REJECTED_BY → RiskCheck bt-3  code=max_position passed=false reason=position would exceed 1 BTC time=6000",
            ])
        }
    }

    @Test func whyOfAnUnknownIdIsNotFound() async throws {
        try await TemporaryGraph.withEmbedded { store in
            await #expect(throws: GraphError.notFound(label: "Order or Signal", id: "nope")) {
                _ = try await ProvenanceQuery.why(orderId: "nope", in: store)
            }
        }
    }
}
