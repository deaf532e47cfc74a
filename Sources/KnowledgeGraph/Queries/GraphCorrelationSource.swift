/// Correlations for the risk engine, read from the graph's `CORRELATED_WITH {rho}` relationships.
///
/// Symbols (`BTCUSDT`) are resolved to their base asset through `(:Market {symbol})-[:BASE]->(:Asset)`; a symbol
/// that is itself an asset id (`BTC`) is used as is. The service passes the result to
/// `RiskEngine.updateCorrelations(symbols:matrix:asOf:)`.
public struct GraphCorrelationSource: Sendable {
    /// A symmetric correlation matrix in the order of ``symbols``.
    public struct Matrix: Sendable, Hashable {
        /// The symbols asked for, in order.
        public var symbols: [String]
        /// `rho[i][j]`: 1 on the diagonal and between two symbols of one asset, `missing` where the graph has no
        /// correlation.
        public var rho: [[Double]]
        /// The newest `as_of` of the correlations used (Unix ms), or nil when none was found.
        public var asOf: Int64?
        /// Pairs `(i, j)`, i < j, the graph had no correlation for.
        public var missing: [[Int]]
    }

    /// The graph read.
    public let store: any GraphStore
    /// The value for pairs without a correlation (default 0: unknown counts as uncorrelated).
    public let missingValue: Double

    /// A source over `store`.
    public init(store: any GraphStore, missingValue: Double = 0) {
        self.store = store
        self.missingValue = missingValue
    }

    /// The base asset of `symbol` (the first market with that symbol, by id), or `symbol` itself.
    public func asset(of symbol: String) async throws -> String {
        let markets = try await store.nodes(label: GraphSchema.market, where: "symbol", equals: .string(symbol), limit: 100)
        for market in markets.sorted(by: { $0.id < $1.id }) {
            if let base = try await store.neighbours(of: market.ref, type: GraphSchema.base, direction: .outgoing).first {
                return base.node.id
            }
            if let base = market.properties["base"]?.stringValue { return base }
        }
        return symbol
    }

    /// The correlation matrix of `symbols`.
    /// - Complexity: one `relationships(ofType:)` read plus two lookups per symbol.
    public func matrix(symbols: [String]) async throws -> Matrix {
        var assets: [String] = []
        for symbol in symbols { assets.append(try await asset(of: symbol)) }
        var byPair: [String: (rho: Double, asOf: Int64?)] = [:]
        for edge in try await store.relationships(ofType: GraphSchema.correlatedWith) {
            guard let rho = edge.properties["rho"]?.doubleValue, rho.isFinite else { continue }
            let key = edge.from.id < edge.to.id ? "\(edge.from.id)\u{0}\(edge.to.id)" : "\(edge.to.id)\u{0}\(edge.from.id)"
            byPair[key] = (max(-1, min(1, rho)), edge.properties["as_of"]?.intValue)
        }
        let n = symbols.count
        var rho = [[Double]](repeating: [Double](repeating: missingValue, count: n), count: n)
        var asOf: Int64?
        var missing: [[Int]] = []
        for i in 0..<n {
            rho[i][i] = 1
            for j in (i + 1)..<max(i + 1, n) {
                if assets[i] == assets[j] {
                    rho[i][j] = 1
                    rho[j][i] = 1
                    continue
                }
                let key = assets[i] < assets[j] ? "\(assets[i])\u{0}\(assets[j])" : "\(assets[j])\u{0}\(assets[i])"
                guard let found = byPair[key] else {
                    missing.append([i, j])
                    continue
                }
                rho[i][j] = found.rho
                rho[j][i] = found.rho
                if let time = found.asOf { asOf = max(asOf ?? time, time) }
            }
        }
        return Matrix(symbols: symbols, rho: rho, asOf: asOf, missing: missing)
    }
}
