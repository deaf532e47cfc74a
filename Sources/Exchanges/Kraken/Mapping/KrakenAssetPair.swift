import TradingModel

/// One entry of `GET /0/public/AssetPairs`: the names of a pair and its trading rules.
public struct KrakenAssetPair: Sendable, Hashable {
    /// The result key, e.g. `XXBTZEUR`.
    public var key: String
    /// e.g. `XBTEUR`, the name most endpoints accept.
    public var altname: String
    /// e.g. `XBT/EUR`.
    public var wsname: String
    /// Kraken's asset codes, e.g. `XXBT` and `ZEUR`.
    public var base: String
    public var quote: String
    /// Digits of the price (used when `tick_size` is absent).
    public var pairDecimals: Int
    /// Digits of the volume.
    public var lotDecimals: Int
    /// Smallest price step.
    public var tickSize: Fixed
    /// Smallest order volume in base currency.
    public var orderMin: Fixed
    /// Smallest order cost in quote currency.
    public var costMin: Fixed
    /// `online`, `cancel_only`, `post_only`, `limit_only`, `reduce_only`.
    public var status: String

    /// The unified symbol, `BTC/EUR`.
    public var symbol: String { KrakenAssets.unifiedAsset(base) + "/" + KrakenAssets.unifiedAsset(quote) }

    /// Parses one AssetPairs entry.
    /// - Throws: ``KrakenDecodingError`` naming the pair and field when a rule is missing or malformed.
    public init(key: String, json: KrakenJSON) throws(KrakenDecodingError) {
        func text(_ field: String) throws(KrakenDecodingError) -> String {
            guard let v = json[field]?.string else { throw KrakenDecodingError(context: "AssetPairs.\(key)", field: field, value: json[field]) }
            return v
        }
        func int(_ field: String) throws(KrakenDecodingError) -> Int {
            guard let v = json[field]?.int64 else { throw KrakenDecodingError(context: "AssetPairs.\(key)", field: field, value: json[field]) }
            return Int(v)
        }
        self.key = key
        altname = try text("altname")
        base = try text("base")
        quote = try text("quote")
        wsname = json["wsname"]?.string ?? (KrakenAssets.unifiedAsset(base) + "/" + KrakenAssets.unifiedAsset(quote))
        pairDecimals = try int("pair_decimals")
        lotDecimals = try int("lot_decimals")
        guard (0...8).contains(pairDecimals), (0...8).contains(lotDecimals) else {
            throw KrakenDecodingError(context: "AssetPairs.\(key)", field: "pair_decimals/lot_decimals",
                                      value: .string("\(pairDecimals)/\(lotDecimals)"))
        }
        tickSize = json["tick_size"]?.fixed ?? Fixed(raw: Fixed.unit / Self.pow10(pairDecimals))
        orderMin = json["ordermin"]?.fixed ?? .zero
        costMin = json["costmin"]?.fixed ?? .zero
        status = json["status"]?.string ?? "online"
    }

    /// The pair's rules as a unified ``Instrument``: tick from `tick_size` (or `pair_decimals`), lot from
    /// `lot_decimals`, minimum quantity from `ordermin`, minimum notional from `costmin`.
    public var instrument: Instrument {
        let lot = Fixed(raw: Fixed.unit / Self.pow10(lotDecimals))
        return Instrument(symbol: symbol, tickSize: tickSize, lotSize: lot,
                          minQuantity: orderMin.isPositive ? orderMin : lot, minNotional: costMin)
    }

    static func pow10(_ n: Int) -> Int64 {
        var r: Int64 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }
}
