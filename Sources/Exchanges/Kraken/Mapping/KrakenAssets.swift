/// Kraken's asset and pair names and their unified forms (`XXBT` → `BTC`, `XBT/EUR` → `BTC/EUR`).
public enum KrakenAssets {
    /// Legacy four-letter codes that carry an `X` (crypto) or `Z` (fiat) class prefix.
    static let prefixed: Set<String> = [
        "XXBT", "XETH", "XLTC", "XXRP", "XXLM", "XXMR", "XZEC", "XETC", "XREP", "XMLN", "XXDG",
        "ZEUR", "ZUSD", "ZGBP", "ZCAD", "ZJPY", "ZAUD", "ZCHF",
    ]
    /// Kraken names that differ from the common ticker.
    static let renamed: [String: String] = ["XBT": "BTC", "XDG": "DOGE"]

    /// The unified asset code: `XXBT` → `BTC`, `ZEUR` → `EUR`, `XBT` → `BTC`, `XDG` → `DOGE`, `SOL` → `SOL`.
    /// Staked or earn variants (`ETH2.S`, `DOT.S`) are returned unchanged.
    public static func unifiedAsset(_ code: String) -> String {
        var c = code.uppercased()
        if prefixed.contains(c) { c.removeFirst() }
        return renamed[c] ?? c
    }

    /// Kraken's code for a unified asset as used in pair altnames: `BTC` → `XBT`, `DOGE` → `XDG`.
    public static func krakenAsset(_ unified: String) -> String {
        let u = unified.uppercased()
        return renamed.first(where: { $0.value == u })?.key ?? u
    }

    /// The unified symbol of a WebSocket-v1 style name: `XBT/EUR` → `BTC/EUR`.
    public static func unifiedSymbol(wsname: String) -> String {
        let parts = wsname.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return wsname }
        return unifiedAsset(parts[0]) + "/" + unifiedAsset(parts[1])
    }

    /// A best-effort altname for a unified symbol when the pair table is not loaded: `BTC/EUR` → `XBTEUR`.
    public static func fallbackAltname(_ symbol: String) -> String {
        let parts = symbol.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return symbol.replacingOccurrences(of: "/", with: "") }
        return krakenAsset(parts[0]) + krakenAsset(parts[1])
    }
}
