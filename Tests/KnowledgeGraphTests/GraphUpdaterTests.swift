import KnowledgeGraph
import Testing
import TradingModel

/// Fixed series, counting how often they were read.
struct FixtureSeriesSource: MarketSeriesSource {
    let all: [MarketSeries]
    let reads = TestBox(0)
    func series() async throws -> [MarketSeries] {
        reads.withLock { $0 += 1 }
        return all
    }
}

@Suite struct GraphUpdaterTests {
    static let now: Int64 = 100 * 86_400_000

    /// BTC trends up, ETH moves with it at half the size, SOL against it; 1h bars.
    static func source() -> FixtureSeriesSource {
        let btc = closes(count: 60, returns: [0.03, -0.005, 0.01])
        let eth = zip(btc.indices, btc).map { index, _ in index == 0 ? 50 : 50 * (btc[index] / btc[0]).squareRoot() }
        let sol = btc.map { 20 * btc[0] / $0 }
        func series(_ base: String, _ closes: [Double]) -> MarketSeries {
            MarketSeries(exchange: "binance", symbol: "\(base)/USDT", base: base, quote: "USDT", timeframe: .oneHour,
                         bars: bars(closes))
        }
        return FixtureSeriesSource(all: [series("BTC", btc), series("ETH", eth), series("SOL", sol)])
    }

    static func configuration(retention: GraphRetentionPolicy = GraphRetentionPolicy()) -> GraphUpdater.Configuration {
        GraphUpdater.Configuration(interval: .seconds(3600), correlationWindow: 50,
                                   regimes: RegimeClassifier(window: 4), patterns: PatternDetector(fast: 5, slow: 10),
                                   retention: retention)
    }

    @Test func aRefreshWritesMarketsStatisticsRegimesPatternsAndCorrelations() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let source = Self.source()
            let updater = GraphUpdater(store: store, source: source, configuration: Self.configuration(), now: { Self.now })
            let report = try await updater.refresh()
            let classifier = RegimeClassifier(window: 4)
            let expectedRegimes = source.all.map { classifier.episodes($0.bars).count }.reduce(0, +)
            let detector = PatternDetector(fast: 5, slow: 10)
            let expectedPatterns = source.all.map { detector.detect($0.bars).count }.reduce(0, +)
            #expect(report.series == 3)
            #expect(report.statistics == 3)
            #expect(report.regimes == expectedRegimes)
            #expect(report.patterns == expectedPatterns)
            #expect(report.correlations == 3)
            #expect(report.asOf == Self.now)
            let stats = try await store.stats()
            #expect(stats.nodesByLabel["Market"] == 3)
            #expect(stats.nodesByLabel["Regime"] == expectedRegimes)
            #expect(stats.nodesByLabel["TimeframeStats"] == 3)
            let correlations = try await store.relationships(ofType: "CORRELATED_WITH")
            #expect(correlations.map { "\($0.from.id)-\($0.to.id)" } == ["BTC-ETH", "BTC-SOL", "ETH-SOL"])
            #expect(correlations.allSatisfy { $0.properties["timeframe"] == "1h" && $0.properties["as_of"] == .int(Self.now) })
            #expect(correlations[0].properties["rho"]?.doubleValue.map { $0 > 0.99 } == true)
            #expect(correlations[1].properties["rho"]?.doubleValue.map { $0 < -0.99 } == true)
            let current = try await MarketStateQuery.currentRegime(
                of: GraphNodeRef(label: "Market", id: "binance:BTC/USDT"), in: store)
            let lastEpisode = classifier.episodes(source.all[0].bars).last!
            #expect(current?.properties["regime"] == .string(lastEpisode.regime.rawValue))
            #expect(current?.properties["to"] == .int(59 * 3_600_000))
        }
    }

    @Test func refreshingTwiceRewritesTheSameNodes() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let updater = GraphUpdater(store: store, source: Self.source(), configuration: Self.configuration(),
                                       now: { Self.now })
            _ = try await updater.refresh()
            let first = try await store.stats()
            _ = try await updater.refresh()
            #expect(try await store.stats() == first)
        }
    }

    @Test func retentionDeletesOldNodesPerLabel() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let day: Int64 = 86_400_000
            try await store.upsert(nodes: [
                GraphNode(label: "Signal", id: "old", properties: ["time": .int(Self.now - 40 * day)]),
                GraphNode(label: "Signal", id: "recent", properties: ["time": .int(Self.now - 10 * day)]),
                GraphNode(label: "Order", id: "old", properties: ["time": .int(Self.now - 40 * day)]),
                GraphNode(label: "Order", id: "ancient", properties: ["time": .int(Self.now - 400 * day)]),
            ])
            let policy = GraphRetentionPolicy(defaultDays: 365, days: ["Signal": 30])
            #expect(policy.cutoffs(now: Self.now).first { $0.label == "Signal" }?.cutoff == Self.now - 30 * day)
            let updater = GraphUpdater(store: store, source: FixtureSeriesSource(all: []),
                                       configuration: Self.configuration(retention: policy), now: { Self.now })
            let report = try await updater.refresh()
            #expect(report.deleted == ["Signal": 1, "Order": 1])
            let left = try await store.snapshot().nodes.map { "\($0.label) \($0.id)" }
            #expect(left == ["Order old", "Signal recent"])
        }
    }

    @Test func runRefreshesAtOnceAndStopsWhenCancelled() async throws {
        try await TemporaryGraph.withEmbedded { store in
            let source = Self.source()
            let refreshed = TestBox<[Int]>([])
            let updater = GraphUpdater(store: store, source: source, configuration: Self.configuration(), now: { Self.now },
                                       onRefresh: { result in
                                           refreshed.withLock { $0.append((try? result.get())?.series ?? -1) }
                                       })
            let task = Task { try await updater.run() }
            var waited = 0
            while refreshed.current.isEmpty && waited < 1_000 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            task.cancel()
            try await task.value
            #expect(refreshed.current == [3])
            #expect(source.reads.current == 1)
        }
    }
}
