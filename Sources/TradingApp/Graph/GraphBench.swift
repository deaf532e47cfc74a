import ArgumentParser
import Foundation
import KnowledgeGraph
import TradingCore
import TradingModel

/// `graphwiz graph bench`: write throughput of the provenance of N orders and `why` query latency.
struct GraphBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: decision-graph write throughput (default 100,000 orders) and `why` latency.",
        discussion: "Embedded by default in a temporary file (removed afterwards) unless --db or a Neo4j URL is given.")

    @Option(help: "Orders to write (each: signal, risk check, order, fill; one trade per two orders).")
    var orders = 100_000

    @Option(help: "`why` queries to time.")
    var queries = 1_000

    @Option(help: "Nodes plus relationships per store write.")
    var batchSize = 20_000

    @Flag(help: "Also measure live provenance: the same number of decisions through the batched ProvenanceWriter.")
    var live = false

    @OptionGroup var backend: GraphBackendOptions

    func validate() throws {
        guard orders >= 2 else { throw ValidationError("--orders must be at least 2, got \(orders)") }
        guard queries >= 1 else { throw ValidationError("--queries must be at least 1, got \(queries)") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1, got \(batchSize)") }
    }

    func run() async throws { try await perform().emit() }

    func perform() async throws -> DataCommandOutput {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-graph-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = try Self.syntheticRun(orders: orders)
        let writer = DecisionGraphWriter(batchSize: batchSize)
        let queries = self.queries
        let orderCount = orders
        let clock = ContinuousClock()
        return try await backend.withStore(embeddedPath: directory.appendingPathComponent("bench.sqlite").path) { store in
            let start = clock.now
            let written = try await writer.write(input, to: store)
            let writeSeconds = Self.seconds(clock.now - start)
            var latencies: [Double] = []
            latencies.reserveCapacity(queries)
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<queries {
                let id = "bench-\(Int.random(in: 1...orderCount, using: &generator))"
                let queryStart = clock.now
                let chain = try await ProvenanceQuery.why(orderId: id, in: store)
                latencies.append(Self.seconds(clock.now - queryStart) * 1_000)
                guard chain.fills.count == 1, chain.strategy != nil else {
                    throw ValidationError("bench: incomplete chain for \(id)")
                }
            }
            latencies.sort()
            let elements = written.nodeCount + written.relationshipCount
            func percentile(_ p: Double) -> String {
                String(format4: latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))])
            }
            let liveLines = live ? try await Self.live(orders: orderCount, store: store) : []
            return DataCommandOutput([
                "Graph benchmark (\(store.backendName), batch \(batchSize))",
                "  write: \(orderCount) orders, \(written.nodeCount) nodes + \(written.relationshipCount) relationships "
                    + "in \(String(format4: writeSeconds)) s",
                "         \(Int(Double(orderCount) / writeSeconds)) orders/s, \(Int(Double(elements) / writeSeconds)) elements/s",
                "  why:   \(queries) queries, p50 \(percentile(0.5)) ms, p99 \(percentile(0.99)) ms, "
                    + "mean \(String(format4: latencies.reduce(0, +) / Double(latencies.count))) ms",
            ] + liveLines)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Alternating filled buys and sells `bench-1 ... bench-N`, a trade per pair.
    static func syntheticRun(orders: Int) throws -> DecisionGraphInput {
        var list: [Order] = []
        list.reserveCapacity(orders)
        var trades: [ClosedTrade] = []
        for index in 1...orders {
            let time = Int64(index) * 3_600_000
            let side: OrderSide = index % 2 == 1 ? .buy : .sell
            var order = Order(request: OrderRequest(clientOrderId: "bench-\(index)", symbol: "BTCUSDT", side: side,
                                                    quantity: Fixed(1), tag: side == .buy ? "entry" : "exit"),
                              createdAt: time)
            order.status = .filled
            order.filledQuantity = Fixed(1)
            order.filledNotional = Fixed(100 + index % 50)
            order.fees = Fixed(raw: 10_000_000)
            order.updatedAt = time + 60_000
            list.append(order)
        }
        let decoder = JSONDecoder()
        for pair in stride(from: 1, to: orders, by: 2) {
            let json = """
                {"symbol":"BTCUSDT","side":"buy","entryTime":\(pair * 3_600_000),"exitTime":\((pair + 1) * 3_600_000),
                 "entryPrice":100,"exitPrice":101,"quantity":1,"pnl":0.8,"fee":0.2,"entryOrderId":"bench-\(pair)",
                 "exitOrderId":"bench-\(pair + 1)","returnFraction":0.008,"bars":1}
                """
            trades.append(try decoder.decode(ClosedTrade.self, from: Data(json.utf8)))
        }
        return DecisionGraphInput(runId: "bench", strategy: "sma_cross",
                                  parameters: ParameterValues(["fast": .int(10), "slow": .int(30)]),
                                  orders: list, rejections: [], trades: trades)
    }
}
