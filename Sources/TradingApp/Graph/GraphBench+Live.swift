import KnowledgeGraph
import TradingModel

extension GraphBench {
    /// Live provenance throughput: `orders` decisions (signal, risk check, filled order, fill: four records each)
    /// submitted to a ``ProvenanceWriter`` on `store` while its `run()` writes them; reports the caller's cost per
    /// `submit` and the time until everything is written.
    static func live(orders: Int, store: any GraphStore) async throws -> [String] {
        let writer = ProvenanceWriter(store: store, runId: "bench-live",
                                      configuration: .init(capacity: orders * 4 + 1, batchSize: 1_000))
        let clock = ContinuousClock()
        let start = clock.now
        var submitting = Duration.zero
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await writer.run() }
            for index in 1...orders {
                let id = "live-\(index)", time = Int64(index) * 60_000
                var order = Order(request: OrderRequest(clientOrderId: id, symbol: "BTCUSDT", side: index % 2 == 1 ? .buy : .sell,
                                                        quantity: Fixed(1), tag: "bench"), createdAt: time)
                order.status = .filled
                order.filledQuantity = Fixed(1)
                order.filledNotional = Fixed(100)
                order.updatedAt = time
                let fill = Fill(tradeId: "t\(index)", clientOrderId: id, venueOrderId: "v\(index)", symbol: "BTCUSDT",
                                side: order.request.side, price: Fixed(100), quantity: Fixed(1), fee: Fixed(raw: 10_000_000),
                                liquidity: .taker, time: time)
                let submitStart = clock.now
                writer.submit(.signal(SignalRecord(id: id, strategy: "sma_cross", symbol: "BTCUSDT", side: order.request.side,
                                                   tag: "bench", time: time)))
                writer.submit(.riskCheck(RiskCheckRecord(signalId: id, passed: true, time: time)))
                writer.submit(.order(OrderRecord(order: order, strategy: "sma_cross")))
                writer.submit(.fill(fill))
                submitting += clock.now - submitStart
            }
            writer.finish()
            try await group.waitForAll()
        }
        let total = seconds(clock.now - start)
        let statistics = writer.statistics
        return [
            "  live:  \(orders) decisions (\(statistics.written) records, \(statistics.dropped) dropped, "
                + "\(statistics.failed) failed) written in \(String(format4: total)) s, "
                + "\(Int(Double(orders) / total)) decisions/s; submit \(Int(seconds(submitting) * 1e9 / Double(orders * 4))) ns each",
        ]
    }
}
