import TradingModel

/// Every listed pair, looked up by unified symbol, REST key, altname or wsname.
public struct KrakenPairTable: Sendable {
    /// The pairs in the order the venue listed them (sorted by key).
    public let pairs: [KrakenAssetPair]
    private let bySymbol: [String: KrakenAssetPair]
    private let byName: [String: KrakenAssetPair]

    /// Builds the table.
    public init(_ pairs: [KrakenAssetPair]) {
        self.pairs = pairs
        var bySymbol: [String: KrakenAssetPair] = [:]
        var byName: [String: KrakenAssetPair] = [:]
        for p in pairs {
            bySymbol[p.symbol] = bySymbol[p.symbol] ?? p
            byName[p.key] = p
            byName[p.altname] = p
            byName[p.wsname] = p
        }
        self.bySymbol = bySymbol
        self.byName = byName
    }

    /// The pair of a unified symbol (`BTC/EUR`).
    public func pair(symbol: String) -> KrakenAssetPair? { bySymbol[symbol] }

    /// The pair for any Kraken name of it (`XXBTZEUR`, `XBTEUR`, `XBT/EUR`).
    public func pair(krakenName: String) -> KrakenAssetPair? { byName[krakenName] }

    /// The unified symbol for a Kraken pair name; falls back to splitting a `BASE/QUOTE` name.
    public func symbol(krakenName: String) -> String {
        if let p = byName[krakenName] { return p.symbol }
        if krakenName.contains("/") { return KrakenAssets.unifiedSymbol(wsname: krakenName) }
        return krakenName
    }
}
