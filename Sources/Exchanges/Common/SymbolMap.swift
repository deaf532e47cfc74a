/// Two-way mapping between unified symbols (`BTC/USDT`) and a venue's own market ids (`BTCUSDT`, `XXBTZUSD`).
///
/// Built from the venue's market list, so ambiguous concatenations (`BTCUSDT` could split several ways) are
/// resolved from the base and quote assets the venue reports, never guessed.
public struct SymbolMap: Sendable, Hashable {
    private var venueByUnified: [String: String] = [:]
    private var unifiedByVenue: [String: String] = [:]

    /// An empty map.
    public init() {}

    /// A map from (base, quote, venue id) triples.
    public init(markets: [(base: String, quote: String, venueSymbol: String)]) {
        for market in markets { add(base: market.base, quote: market.quote, venueSymbol: market.venueSymbol) }
    }

    /// Adds one market.
    public mutating func add(base: String, quote: String, venueSymbol: String) {
        let unified = Self.unified(base: base, quote: quote)
        venueByUnified[unified] = venueSymbol
        unifiedByVenue[venueSymbol] = unified
    }

    /// `BASE/QUOTE` in upper case.
    public static func unified(base: String, quote: String) -> String { "\(base.uppercased())/\(quote.uppercased())" }

    /// The venue id of a unified symbol; also accepts the venue id itself.
    public func venueSymbol(for symbol: String) -> String? {
        if let id = venueByUnified[symbol.uppercased()] { return id }
        if unifiedByVenue[symbol] != nil { return symbol }
        return nil
    }

    /// The unified symbol of a venue id.
    public func unifiedSymbol(for venueSymbol: String) -> String? { unifiedByVenue[venueSymbol] }

    /// Number of markets.
    public var count: Int { venueByUnified.count }

    /// All unified symbols, sorted.
    public var unifiedSymbols: [String] { venueByUnified.keys.sorted() }
}
