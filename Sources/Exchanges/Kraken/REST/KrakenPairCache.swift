/// Loads `AssetPairs` once and shares the table (symbol mapping, instrument rules) between the exchange,
/// the market data source and the history builder.
public actor KrakenPairCache {
    private let rest: KrakenRESTClient
    private var table: KrakenPairTable?

    public init(rest: KrakenRESTClient) { self.rest = rest }

    /// The table, loading it on first use.
    public func pairs() async throws -> KrakenPairTable {
        if let table { return table }
        let loaded = try await rest.assetPairs()
        table = loaded
        return loaded
    }

    /// Forgets the table so the next use reloads it (new listings, changed rules).
    public func invalidate() { table = nil }

    /// The REST name (altname) of a unified symbol, e.g. `BTC/EUR` → `XBTEUR`.
    public func altname(symbol: String) async throws -> String {
        if let p = try await pairs().pair(symbol: symbol) { return p.altname }
        return KrakenAssets.fallbackAltname(symbol)
    }
}
