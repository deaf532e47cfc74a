import TradingModel

/// Builds the market graph: exchanges, assets, markets and asset correlations.
public enum MarketGraphBuilder {
    /// `(Market {symbol})-[:LISTED_ON]->(Exchange)`, `-[:BASE]->(Asset)`, `-[:QUOTE]->(Asset)` for each instrument.
    /// Market ids are `<exchange>:<symbol>`; asset ids are the currency codes.
    public static func markets(exchange: String, instruments: [Instrument]) -> GraphBatch {
        var batch = GraphBatch(nodes: [GraphNode(label: GraphSchema.exchange, id: exchange,
                                                 properties: ["name": .string(exchange)])])
        var assets = Set<String>()
        for instrument in instruments {
            let market = GraphNode(label: GraphSchema.market, id: "\(exchange):\(instrument.symbol)", properties: [
                "symbol": .string(instrument.symbol), "exchange": .string(exchange),
                "base": .string(instrument.base), "quote": .string(instrument.quote),
                "tick_size": .string(instrument.tickSize.description), "lot_size": .string(instrument.lotSize.description),
                "min_notional": .string(instrument.minNotional.description),
            ])
            batch.nodes.append(market)
            for asset in [instrument.base, instrument.quote] where assets.insert(asset).inserted {
                batch.nodes.append(GraphNode(label: GraphSchema.asset, id: asset, properties: ["code": .string(asset)]))
            }
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.listedOn, from: market.ref, to: GraphNodeRef(label: GraphSchema.exchange, id: exchange)))
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.base, from: market.ref, to: GraphNodeRef(label: GraphSchema.asset, id: instrument.base)))
            batch.relationships.append(GraphRelationship(
                type: GraphSchema.quote, from: market.ref, to: GraphNodeRef(label: GraphSchema.asset, id: instrument.quote)))
        }
        return batch
    }

    /// `CORRELATED_WITH {rho, window, as_of}` between every pair of assets with a defined correlation of their
    /// close-to-close returns over the last `window` shared bars. Each pair is written once, from the smaller
    /// asset id to the larger.
    /// - Complexity: O(p² · n) for p assets of n bars.
    public static func correlations(assets: [(asset: String, bars: [Bar])], window: Int, asOf: Int64) -> [GraphRelationship] {
        let sorted = assets.sorted { $0.asset < $1.asset }
        let series = sorted.map { entry in entry.bars.map { (time: $0.time, close: $0.close) } }
        var result: [GraphRelationship] = []
        for i in sorted.indices {
            for j in sorted.indices where j > i && sorted[i].asset != sorted[j].asset {
                guard let returns = ReturnCorrelation.alignedReturns(series[i], series[j], window: window),
                      let rho = ReturnCorrelation.pearson(returns.a, returns.b) else { continue }
                result.append(GraphRelationship(
                    type: GraphSchema.correlatedWith,
                    from: GraphNodeRef(label: GraphSchema.asset, id: sorted[i].asset),
                    to: GraphNodeRef(label: GraphSchema.asset, id: sorted[j].asset),
                    properties: ["rho": .double(rho), "window": .int(Int64(returns.a.count)), "as_of": .int(asOf)]))
            }
        }
        return result
    }

    /// The `top` correlations by absolute rho (ties by asset ids).
    public static func strongest(_ correlations: [GraphRelationship], top: Int) -> [GraphRelationship] {
        let ranked = correlations.sorted {
            let a = abs($0.properties["rho"]?.doubleValue ?? 0), b = abs($1.properties["rho"]?.doubleValue ?? 0)
            return a != b ? a > b : ($0.from.id, $0.to.id) < ($1.from.id, $1.to.id)
        }
        return Array(ranked.prefix(max(0, top)))
    }
}
