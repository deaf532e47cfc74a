import Foundation
import TradingModel

/// Nodes and relationships for the state of markets: regime episodes, chart patterns, timeframe statistics
/// (pure; no I/O). Ids are deterministic, so recomputing from the same bars rewrites the same nodes.
public enum MarketContextGraph {
    /// The market, its exchange and assets (as ``MarketGraphBuilder/markets(exchange:instruments:)`` writes them).
    public static func market(_ series: MarketSeries) -> GraphBatch {
        let market = series.marketRef
        return GraphBatch(
            nodes: [
                GraphNode(label: GraphSchema.market, id: market.id, properties: [
                    "symbol": .string(series.symbol), "exchange": .string(series.exchange),
                    "base": .string(series.base), "quote": .string(series.quote),
                ]),
                GraphNode(label: GraphSchema.exchange, id: series.exchange, properties: ["name": .string(series.exchange)]),
                GraphNode(label: GraphSchema.asset, id: series.base, properties: ["code": .string(series.base)]),
                GraphNode(label: GraphSchema.asset, id: series.quote, properties: ["code": .string(series.quote)]),
            ],
            relationships: [
                GraphRelationship(type: GraphSchema.listedOn, from: market,
                                  to: GraphNodeRef(label: GraphSchema.exchange, id: series.exchange)),
                GraphRelationship(type: GraphSchema.base, from: market, to: GraphNodeRef(label: GraphSchema.asset, id: series.base)),
                GraphRelationship(type: GraphSchema.quote, from: market, to: GraphNodeRef(label: GraphSchema.asset, id: series.quote)),
            ])
    }

    /// `(Market)-[:IN_REGIME {from, to, timeframe}]->(Regime {regime, market, timeframe, from, to, bars, time})`,
    /// one Regime node per episode with id `<market id>|<timeframe>|<from>`; `time` is the episode's end, so
    /// retention removes episodes that ended before the cutoff.
    public static func regimes(_ episodes: [RegimeEpisode], market: GraphNodeRef, timeframe: String) -> GraphBatch {
        var batch = GraphBatch()
        for episode in episodes {
            let node = GraphNode(label: GraphSchema.regime, id: "\(market.id)|\(timeframe)|\(episode.from)", properties: [
                "regime": .string(episode.regime.rawValue), "market": .string(market.id), "timeframe": .string(timeframe),
                "from": .int(episode.from), "to": .int(episode.to), "bars": .int(Int64(episode.bars)), "time": .int(episode.to),
            ])
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(type: GraphSchema.inRegime, from: market, to: node.ref, properties: [
                "from": .int(episode.from), "to": .int(episode.to), "timeframe": .string(timeframe),
            ]))
        }
        return batch
    }

    /// `(Pattern {pattern, market, timeframe, time, price})-[:IMPACTS {direction, magnitude}]->(Market)`, id
    /// `<market id>|<timeframe>|<pattern>|<time>`.
    public static func patterns(_ patterns: [ChartPattern], market: GraphNodeRef, timeframe: String) -> GraphBatch {
        var batch = GraphBatch()
        for pattern in patterns where pattern.magnitude.isFinite && pattern.price.isFinite {
            let node = GraphNode(
                label: GraphSchema.pattern, id: "\(market.id)|\(timeframe)|\(pattern.kind.rawValue)|\(pattern.time)",
                properties: [
                    "pattern": .string(pattern.kind.rawValue), "market": .string(market.id),
                    "timeframe": .string(timeframe), "time": .int(pattern.time), "price": .double(pattern.price),
                ])
            batch.nodes.append(node)
            batch.relationships.append(GraphRelationship(type: GraphSchema.impacts, from: node.ref, to: market, properties: [
                "direction": .string(pattern.kind.direction), "magnitude": .double(pattern.magnitude),
            ]))
        }
        return batch
    }

    /// `(Market)-[:HAS_STATS]->(TimeframeStats {timeframe, bars, first, last, last_close, return_total,
    /// volatility, volatility_annualized, as_of})`, id `<market id>|<timeframe>`. Volatility is the sample
    /// standard deviation of log returns per bar; no `time` property, so retention keeps it.
    /// Returns an empty batch for fewer than 2 bars.
    public static func statistics(_ series: MarketSeries, asOf: Int64) -> GraphBatch {
        let bars = series.bars
        guard bars.count >= 2, let first = bars.first, let last = bars.last else { return GraphBatch() }
        var mean = 0.0
        for k in 1..<bars.count { mean += log(bars[k].close / bars[k - 1].close) }
        mean /= Double(bars.count - 1)
        var variance = 0.0
        for k in 1..<bars.count {
            let d = log(bars[k].close / bars[k - 1].close) - mean
            variance += d * d
        }
        let volatility = bars.count > 2 ? (variance / Double(bars.count - 2)).squareRoot() : 0
        let timeframe = series.timeframe.description
        var properties: [String: GraphValue] = [
            "market": .string(series.marketRef.id), "timeframe": .string(timeframe), "bars": .int(Int64(bars.count)),
            "first": .int(first.time), "last": .int(last.time), "last_close": .double(last.close),
            "as_of": .int(asOf),
        ]
        let totalReturn = last.close / first.close - 1
        if totalReturn.isFinite { properties["return_total"] = .double(totalReturn) }
        if volatility.isFinite {
            properties["volatility"] = .double(volatility)
            properties["volatility_annualized"] = .double(volatility * series.timeframe.barsPerYear.squareRoot())
        }
        let node = GraphNode(label: GraphSchema.timeframeStats, id: "\(series.marketRef.id)|\(timeframe)", properties: properties)
        return GraphBatch(nodes: [node], relationships: [
            GraphRelationship(type: GraphSchema.hasStats, from: series.marketRef, to: node.ref),
        ])
    }
}
