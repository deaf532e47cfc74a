/// Read queries over the market state the ``GraphUpdater`` and event imports write.
public enum MarketStateQuery {
    /// Markets whose id is `symbolOrMarket` (`binance:BTCUSDT`) or whose `symbol` property is (`BTCUSDT`), by id.
    public static func markets(_ symbolOrMarket: String, in store: any GraphStore) async throws -> [GraphNode] {
        if symbolOrMarket.contains(":"),
           let market = try await store.node(GraphNodeRef(label: GraphSchema.market, id: symbolOrMarket)) {
            return [market]
        }
        return try await store.nodes(label: GraphSchema.market, where: "symbol", equals: .string(symbolOrMarket), limit: 1_000)
            .sorted { $0.id < $1.id }
    }

    /// Regime episodes of `market`, newest first (by `from`), optionally of one timeframe.
    public static func regimes(of market: GraphNodeRef, timeframe: String? = nil, in store: any GraphStore) async throws
        -> [GraphNode] {
        try await store.neighbours(of: market, type: GraphSchema.inRegime, direction: .outgoing)
            .map(\.node)
            .filter { timeframe == nil || $0.properties["timeframe"]?.stringValue == timeframe }
            .sorted { ($0.properties["from"]?.intValue ?? 0, $0.id) > ($1.properties["from"]?.intValue ?? 0, $1.id) }
    }

    /// The regime episode of `market` that ends last (of `timeframe` if given; ties: the later start), or nil.
    public static func currentRegime(of market: GraphNodeRef, timeframe: String? = nil, in store: any GraphStore)
        async throws -> GraphNode? {
        try await regimes(of: market, timeframe: timeframe, in: store).max {
            ($0.properties["to"]?.intValue ?? 0, $0.properties["from"]?.intValue ?? 0)
                < ($1.properties["to"]?.intValue ?? 0, $1.properties["from"]?.intValue ?? 0)
        }
    }

    /// Patterns and events that `IMPACTS` the market or its base asset, newest first, with their relationship.
    public static func impacts(on market: GraphNode, in store: any GraphStore) async throws -> [GraphNeighbour] {
        var result = try await store.neighbours(of: market.ref, type: GraphSchema.impacts, direction: .incoming)
        if let base = market.properties["base"]?.stringValue {
            result += try await store.neighbours(of: GraphNodeRef(label: GraphSchema.asset, id: base),
                                                 type: GraphSchema.impacts, direction: .incoming)
        }
        return result.sorted {
            ($0.node.time ?? 0, $0.node.label, $0.node.id) > ($1.node.time ?? 0, $1.node.label, $1.node.id)
        }
    }

    /// Assets correlated with `asset`, strongest |rho| first, at least `minimumAbsRho`, at most `limit`.
    public static func correlatedAssets(of asset: String, minimumAbsRho: Double = 0, limit: Int = 10,
                                        in store: any GraphStore) async throws -> [(asset: String, rho: Double)] {
        let ref = GraphNodeRef(label: GraphSchema.asset, id: asset)
        let pairs = try await store.neighbours(of: ref, type: GraphSchema.correlatedWith, direction: .both)
            .compactMap { neighbour -> (asset: String, rho: Double)? in
                guard let rho = neighbour.relationship.properties["rho"]?.doubleValue, abs(rho) >= minimumAbsRho else {
                    return nil
                }
                return (neighbour.node.id, rho)
            }
        return Array(pairs.sorted { abs($0.rho) != abs($1.rho) ? abs($0.rho) > abs($1.rho) : $0.asset < $1.asset }
            .prefix(max(0, limit)))
    }

    /// The newest signals for `symbol` with their provenance (risk verdict, order, fills), at most `limit`.
    public static func recentDecisions(symbol: String, limit: Int = 10, in store: any GraphStore) async throws
        -> [OrderProvenance] {
        var result: [OrderProvenance] = []
        for signal in try await store.nodes(label: GraphSchema.signal, where: "symbol", equals: .string(symbol), limit: limit) {
            result.append(try await ProvenanceQuery.why(orderId: signal.id, in: store))
        }
        return result
    }
}
