import Foundation
import KnowledgeGraph
import Testing
import TradingModel

/// Bars with high = low = close, one hour apart from t = 0.
func bars(_ closes: [Double]) -> [Bar] {
    closes.enumerated().map { Bar(time: Int64($0.offset) * 3_600_000, open: $0.element, high: $0.element, low: $0.element,
                                  close: $0.element, volume: 1) }
}

/// Closes from 100 with the given returns repeated in turn.
func closes(count: Int, returns: [Double], from start: Double = 100) -> [Double] {
    var result = [start]
    while result.count < count { result.append(result.last! * (1 + returns[(result.count - 1) % returns.count])) }
    return result
}

@Suite struct RegimeClassifierTests {
    let classifier = RegimeClassifier(window: 4, trendThreshold: 1.0, volatilityPercentile: 0.8, volatilityLookback: 250)

    @Test func noRegimeBeforeTheFirstFullWindow() {
        #expect(classifier.classify(bars(closes(count: 4, returns: [0.03, -0.005]))) == [nil, nil, nil, nil])
    }

    @Test func steadyDriftUpIsTrendUpAndSteadyVolatilityIsNotHigh() {
        // Window of +3 %, -0.5 % twice: z = 0.049092 / (0.019960 * 2) = 1.23.
        let regimes = classifier.classify(bars(closes(count: 30, returns: [0.03, -0.005])))
        #expect(regimes == [nil, nil, nil, nil] + Array(repeating: MarketRegime.trendUp, count: 26))
    }

    @Test func steadyDriftDownIsTrendDown() {
        let regimes = classifier.classify(bars(closes(count: 30, returns: [-0.03, 0.005])))
        #expect(regimes == [nil, nil, nil, nil] + Array(repeating: MarketRegime.trendDown, count: 26))
    }

    @Test func oscillationWithoutDriftIsRange() {
        let regimes = classifier.classify(bars(closes(count: 30, returns: [0.002, -0.002])))
        #expect(regimes == [nil, nil, nil, nil] + Array(repeating: MarketRegime.range, count: 26))
    }

    @Test func aVolatilityBurstIsHighVolatilityAndEpisodesMergeRuns() {
        var series = closes(count: 40, returns: [0.002, -0.002])
        for k in 0..<6 { series.append(series.last! * (k % 2 == 0 ? 1.06 : 0.94)) }
        let all = bars(series)
        let regimes = classifier.classify(all)
        #expect(Array(regimes[4..<40]) == Array(repeating: MarketRegime.range, count: 36))
        #expect(Array(regimes[40...]) == Array(repeating: MarketRegime.highVolatility, count: 6))
        #expect(classifier.episodes(all) == [
            RegimeEpisode(regime: .range, from: 4 * 3_600_000, to: 39 * 3_600_000, bars: 36),
            RegimeEpisode(regime: .highVolatility, from: 40 * 3_600_000, to: 45 * 3_600_000, bars: 6),
        ])
    }
}

@Suite struct PatternDetectorTests {
    @Test func crossesAndBreakoutsAreFoundInTimeOrder() {
        let detector = PatternDetector(fast: 2, slow: 3, breakoutWindow: 3)
        let found = detector.detect(bars([10, 10, 10, 9, 8, 10, 12]))
        #expect(found.map { "\($0.kind.rawValue)@\($0.time / 3_600_000)" } == [
            "death_cross@3", "breakout_down@3", "breakout_down@4", "golden_cross@6", "breakout_up@6",
        ])
        let expected = [abs(9.5 / (29.0 / 3.0) - 1), 0.1, 1 - 8.0 / 9.0, 0.1, 0.2]
        for (pattern, magnitude) in zip(found, expected) {
            #expect(abs(pattern.magnitude - magnitude) < 1e-12, "\(pattern.kind) magnitude \(pattern.magnitude)")
        }
        #expect(found.map(\.kind.direction) == ["down", "down", "down", "up", "up"])
    }

    @Test func noPatternsInAFlatSeries() {
        #expect(PatternDetector(fast: 2, slow: 3, breakoutWindow: 3).detect(bars(Array(repeating: 5, count: 20))).isEmpty)
    }
}

@Suite struct MarketContextGraphTests {
    static let market = GraphNodeRef(label: "Market", id: "binance:BTC/USDT")

    @Test func regimeEpisodesBecomeNodesLinkedByInRegime() {
        let batch = MarketContextGraph.regimes([RegimeEpisode(regime: .trendUp, from: 1000, to: 5000, bars: 5)],
                                               market: Self.market, timeframe: "1h")
        #expect(batch.nodes == [GraphNode(label: "Regime", id: "binance:BTC/USDT|1h|1000", properties: [
            "regime": "trend_up", "market": "binance:BTC/USDT", "timeframe": "1h", "from": 1000, "to": 5000, "bars": 5,
            "time": 5000,
        ])])
        #expect(batch.relationships == [GraphRelationship(
            type: "IN_REGIME", from: Self.market, to: GraphNodeRef(label: "Regime", id: "binance:BTC/USDT|1h|1000"),
            properties: ["from": 1000, "to": 5000, "timeframe": "1h"])])
    }

    @Test func patternsImpactTheMarket() {
        let batch = MarketContextGraph.patterns([ChartPattern(kind: .breakoutUp, time: 7200, price: 12, magnitude: 0.2)],
                                                market: Self.market, timeframe: "1h")
        let id = "binance:BTC/USDT|1h|breakout_up|7200"
        #expect(batch.nodes.map(\.id) == [id])
        #expect(batch.relationships == [GraphRelationship(
            type: "IMPACTS", from: GraphNodeRef(label: "Pattern", id: id), to: Self.market,
            properties: ["direction": "up", "magnitude": 0.2])])
    }

    @Test func statisticsSummariseTheSeries() throws {
        let series = MarketSeries(exchange: "binance", symbol: "BTC/USDT", base: "BTC", quote: "USDT",
                                  timeframe: .oneDay, bars: bars([100, 110, 99]))
        let batch = MarketContextGraph.statistics(series, asOf: 42)
        let node = try #require(batch.nodes.first)
        #expect(node.id == "binance:BTC/USDT|1d")
        #expect(node.properties["bars"] == 3)
        #expect(node.properties["last_close"] == 99.0)
        #expect(node.properties["return_total"]?.doubleValue.map { abs($0 - -0.01) < 1e-12 } == true)
        let r1 = log(1.1), r2 = log(0.9)
        let mean = (r1 + r2) / 2
        let sigma = ((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)).squareRoot()
        #expect(node.properties["volatility"]?.doubleValue.map { abs($0 - sigma) < 1e-12 } == true)
        #expect(batch.relationships.map(\.type) == ["HAS_STATS"])
    }
}
