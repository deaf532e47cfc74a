import KnowledgeGraph
import Testing
import TradingModel

@Suite("Market graph and correlations")
struct MarketGraphBuilderTests {
    static func bars(_ closes: [Double], start: Int64 = 0) -> [Bar] {
        closes.enumerated().map { index, close in
            Bar(time: start + Int64(index) * 60_000, open: close, high: close, low: close, close: close, volume: 1)
        }
    }

    @Test func marketsLinkToTheirExchangeAndBaseAndQuoteAssets() {
        let batch = MarketGraphBuilder.markets(exchange: "binance", instruments: [
            Instrument(symbol: "BTC/USDT"), Instrument(symbol: "ETH/USDT"),
        ])
        #expect(batch.nodes.map { "\($0.label) \($0.id)" } == [
            "Exchange binance", "Market binance:BTC/USDT", "Asset BTC", "Asset USDT", "Market binance:ETH/USDT", "Asset ETH",
        ])
        #expect(batch.relationships.map { "\($0.from.id) \($0.type) \($0.to.id)" } == [
            "binance:BTC/USDT LISTED_ON binance", "binance:BTC/USDT BASE BTC", "binance:BTC/USDT QUOTE USDT",
            "binance:ETH/USDT LISTED_ON binance", "binance:ETH/USDT BASE ETH", "binance:ETH/USDT QUOTE USDT",
        ])
    }

    @Test func pearsonOfKnownSamples() {
        #expect(ReturnCorrelation.pearson([1, 2, 3, 4], [2, 4, 6, 8]) == 1)
        #expect(ReturnCorrelation.pearson([1, 2, 3], [3, 2, 1]) == -1)
        // x = 1..5, y = [2, 1, 4, 3, 5]: sxy = 8, sxx = syy = 10, r = 0.8.
        #expect(abs(ReturnCorrelation.pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])! - 0.8) < 1e-15)
        #expect(ReturnCorrelation.pearson([1, 1, 1], [1, 2, 3]) == nil)
        #expect(ReturnCorrelation.pearson([1], [1]) == nil)
    }

    @Test func correlationsUseSharedTimestampsAndTheLastWindowOfReturns() throws {
        // B doubles A's moves on shared bars; its extra bar at the start is ignored; C moves against A.
        let a = Self.bars([100, 110, 99, 108.9, 119.79], start: 60_000)
        let b = Self.bars([7, 50, 60, 40, 56, 78.4])
        let c = Self.bars([10, 9, 10.8, 9.72, 8.748], start: 60_000)
        let relationships = MarketGraphBuilder.correlations(assets: [("ETH", b), ("BTC", a), ("SOL", c)],
                                                            window: 3, asOf: 42)
        #expect(relationships.map { "\($0.from.id)-\($0.to.id)" } == ["BTC-ETH", "BTC-SOL", "ETH-SOL"])
        let btcEth = try #require(relationships.first)
        #expect(abs(btcEth.properties["rho"]!.doubleValue! - 1) < 1e-12)
        #expect(btcEth.properties["window"] == 3)
        #expect(btcEth.properties["as_of"] == 42)
        #expect(abs(relationships[1].properties["rho"]!.doubleValue! + 1) < 1e-12)
    }

    @Test func strongestRanksByAbsoluteRho() {
        func edge(_ from: String, _ to: String, _ rho: Double) -> GraphRelationship {
            GraphRelationship(type: "CORRELATED_WITH", from: GraphNodeRef(label: "Asset", id: from),
                              to: GraphNodeRef(label: "Asset", id: to), properties: ["rho": .double(rho)])
        }
        let ranked = MarketGraphBuilder.strongest([edge("A", "B", 0.2), edge("A", "C", -0.9), edge("B", "C", 0.5)], top: 2)
        #expect(ranked.map { $0.to.id } == ["C", "C"])
        #expect(ranked.map { $0.properties["rho"] } == [-0.9, 0.5])
    }
}
