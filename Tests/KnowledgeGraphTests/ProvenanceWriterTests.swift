import KnowledgeGraph
import Testing
import TradingCore
import TradingModel

/// A live decision: signal, agent decision, approval, new order, fill, filled order, opened position.
enum LiveFixtures {
    static func order(_ status: OrderStatus, id: String = "live-1") -> Order {
        var order = Order(request: OrderRequest(clientOrderId: id, symbol: "BTCUSDT", side: .buy, quantity: Fixed(2),
                                                tag: "golden_cross"), createdAt: 1_000)
        order.status = status
        if status == .filled {
            order.filledQuantity = Fixed(2)
            order.filledNotional = Fixed(200)
            order.updatedAt = 2_000
        }
        return order
    }

    static func records(id: String = "live-1") -> [ProvenanceRecord] {
        var position = Position(symbol: "BTCUSDT")
        position.apply(side: .buy, quantity: Fixed(2), price: Fixed(100), time: 2_000)
        return [
            .signal(SignalRecord(id: id, strategy: "sma_cross", symbol: "BTCUSDT", side: .buy, tag: "golden_cross",
                                 time: 1_000, indicators: ["sma_fast": 101.5, "sma_slow": 99.25, "bad": .nan])),
            .agentDecision(AgentDecisionRecord(id: "\(id)/risk_agent", signalId: id, agent: "risk_agent", action: "approve",
                                               rationale: "trend and volume agree", confidence: 0.75, time: 1_000)),
            .riskCheck(RiskCheckRecord(signalId: id, passed: true, time: 1_000)),
            .order(OrderRecord(order: order(.accepted, id: id), strategy: "sma_cross")),
            .fill(Fill(tradeId: "t1", clientOrderId: id, venueOrderId: "v1", symbol: "BTCUSDT", side: .buy,
                       price: Fixed(100), quantity: Fixed(2), fee: Fixed(raw: 20_000_000), liquidity: .taker, time: 2_000)),
            .order(OrderRecord(order: order(.filled, id: id), strategy: "sma_cross")),
            .position(PositionRecord(id: PositionRecord.id(runId: "paper", symbol: "BTCUSDT", openedAt: 2_000),
                                     position: position, time: 2_000, fillId: "\(id)/t1", orderId: id)),
        ]
    }
}

@Suite struct ProvenanceWriterTests {
    @Test func recordsAreWrittenInSubmissionOrderAndTheLastUpdateWins() async throws {
        try await TemporaryGraph.withEmbedded { embedded in
            let spy = SpyGraphStore(base: embedded)
            let writer = ProvenanceWriter(store: spy, runId: "paper",
                                          configuration: .init(capacity: 100, batchSize: 2, flushInterval: .seconds(3600)))
            for record in LiveFixtures.records() { #expect(writer.submit(record)) }
            writer.finish()
            try await writer.run()
            #expect(spy.batches.current.count == 4)
            #expect(spy.writtenNodeIds == ["sma_cross", "live-1", "live-1/risk_agent", "live-1", "live-1", "live-1/t1",
                                           "live-1", "paper/BTCUSDT/2000"])
            let order = try await embedded.node(GraphNodeRef(label: "Order", id: "live-1"))
            #expect(order?.properties["status"] == "filled")
            #expect(order?.properties["average_price"] == "100")
            #expect(writer.statistics == ProvenanceWriter.Statistics(accepted: 7, dropped: 0, written: 7, failed: 0,
                                                                      queued: 0, batches: 4, lastError: nil))
        }
    }

    @Test func theFullChainIsAnsweredByWhy() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let writer = ProvenanceWriter(store: store, runId: "paper")
            for record in LiveFixtures.records() { writer.submit(record) }
            writer.finish()
            try await writer.run()
            let why = try await ProvenanceQuery.why(orderId: "live-1", in: store)
            #expect(why.strategy?.id == "sma_cross")
            #expect(why.signal?.properties["ind_sma_fast"] == 101.5)
            #expect(why.signal?.properties["ind_bad"] == nil)
            #expect(why.agentDecisions.map(\.properties) == [[
                "agent": "risk_agent", "action": "approve", "rationale": "trend and volume agree", "confidence": 0.75,
                "time": 1_000,
            ]])
            #expect(why.riskVerdict == "APPROVED_BY")
            #expect(why.fills.map(\.id) == ["live-1/t1"])
            #expect(why.positions.map(\.id) == ["paper/BTCUSDT/2000"])
            #expect(why.positions.first?.properties["quantity"] == "2")
            #expect(why.positions.first?.properties["status"] == "open")
            let opened = try await store.neighbours(of: GraphNodeRef(label: "Position", id: "paper/BTCUSDT/2000"),
                                                    type: "OPENED_BY", direction: .outgoing)
            #expect(opened.map(\.node.id) == ["live-1"])
        }
    }

    @Test func submitNeverWaitsAndAFullQueueDropsAndCounts() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let factory = TestMetricsFactory()
            let writer = ProvenanceWriter(store: store, runId: "paper",
                                          configuration: .init(capacity: 3, batchSize: 10, flushInterval: .seconds(3600)),
                                          metrics: GraphMetrics(factory: factory))
            // run() is not even started: submit must return at once either way.
            let accepted = LiveFixtures.records().prefix(5).map { writer.submit($0) }
            #expect(accepted == [true, true, true, false, false])
            #expect(writer.statistics.dropped == 2)
            #expect(writer.statistics.queued == 3)
            #expect(factory.total("graphwiz_graph_dropped_total") == 2)
            #expect(factory.values("graphwiz_graph_queue_depth") == [1, 2, 3, 3, 3])
            writer.finish()
            #expect(writer.submit(LiveFixtures.records()[0]) == false)
            try await writer.run()
            #expect(writer.statistics.written == 3)
            #expect(try await store.stats().nodesByLabel == ["AgentDecision": 1, "RiskCheck": 1, "Signal": 1, "Strategy": 1])
        }
    }

    @Test func cancellingRunFlushesWhatIsQueued() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let writer = ProvenanceWriter(store: store, runId: "paper",
                                          configuration: .init(batchSize: 1_000, flushInterval: .seconds(3600)))
            let task = Task { try await writer.run() }
            for record in LiveFixtures.records() { writer.submit(record) }
            task.cancel()
            try await task.value
            #expect(writer.statistics.written == 7)
            #expect(try await store.node(GraphNodeRef(label: "Order", id: "live-1"))?.properties["status"] == "filled")
        }
    }

    @Test func aPartialBatchIsWrittenAfterTheFlushInterval() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let writer = ProvenanceWriter(store: store, runId: "paper",
                                          configuration: .init(batchSize: 1_000, flushInterval: .milliseconds(20)))
            let task = Task { try await writer.run() }
            writer.submit(LiveFixtures.records()[0])
            var waited = 0
            while writer.statistics.written == 0 && waited < 500 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            #expect(writer.statistics.written == 1)
            #expect(writer.statistics.batches == 1)
            writer.finish()
            try await task.value
        }
    }

    @Test func failedWritesAreCountedAndTheWriterGoesOn() async throws {
        try await TemporaryGraph.withEmbedded { embedded in
            let spy = SpyGraphStore(base: embedded)
            let factory = TestMetricsFactory()
            let writer = ProvenanceWriter(store: spy, runId: "paper",
                                          configuration: .init(batchSize: 2, flushInterval: .seconds(3600)),
                                          metrics: GraphMetrics(factory: factory))
            spy.failing.withLock { $0 = true }
            let records = LiveFixtures.records()
            writer.submit(records[0])
            writer.submit(records[1])
            let task = Task { try await writer.run() }
            var waited = 0
            while writer.statistics.failed == 0 && waited < 1_000 {
                try await Task.sleep(for: .milliseconds(5))
                waited += 1
            }
            spy.failing.withLock { $0 = false }
            writer.submit(records[2])
            writer.finish()
            try await task.value
            #expect(writer.statistics.failed == 2)
            #expect(writer.statistics.written == 1)
            #expect(writer.statistics.lastError == "spy: write refused")
            #expect(factory.total("graphwiz_graph_errors_total") == 1)
        }
    }
}
