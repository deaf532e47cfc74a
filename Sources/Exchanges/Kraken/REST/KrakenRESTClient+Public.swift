import Foundation
import TradingModel

extension KrakenRESTClient {
    /// Every pair and its rules (`AssetPairs`).
    public func assetPairs() async throws -> KrakenPairTable {
        let result = try await publicCall("AssetPairs")
        var pairs: [KrakenAssetPair] = []
        for (key, value) in result.object.sorted(by: { $0.key < $1.key }) {
            pairs.append(try KrakenAssetPair(key: key, json: value))
        }
        return KrakenPairTable(pairs)
    }

    /// Candles of `pair` (`OHLC`): at most the 720 most recent, the last one still forming.
    /// - Parameters:
    ///   - pair: any Kraken name of the pair (`XBTEUR`).
    ///   - intervalMinutes: 1, 5, 15, 30, 60, 240, 1440, 10080 or 21600.
    ///   - since: Unix seconds; only candles after it are returned.
    /// - Returns: bars with `time` in Unix ms, and `last` (Unix seconds) to poll from.
    public func ohlc(pair: String, intervalMinutes: Int, since: Int64? = nil) async throws -> (bars: [Bar], last: Int64) {
        var query = [("pair", pair), ("interval", String(intervalMinutes))]
        if let since { query.append(("since", String(since))) }
        let result = try await publicCall("OHLC", query)
        guard let rows = result.object.first(where: { $0.key != "last" })?.value.array else {
            throw KrakenDecodingError(context: "OHLC", field: "<pair>", value: result)
        }
        var bars: [Bar] = []
        bars.reserveCapacity(rows.count)
        for row in rows {
            guard let t = row[0]?.int64, let o = row[1]?.double, let h = row[2]?.double, let l = row[3]?.double,
                  let c = row[4]?.double, let v = row[6]?.double else {
                throw KrakenDecodingError(context: "OHLC.\(pair)", field: "row [time, open, high, low, close, vwap, volume, count]", value: row)
            }
            bars.append(Bar(time: t * 1000, open: o, high: h, low: l, close: c, volume: v))
        }
        return (bars, result["last"]?.int64 ?? (bars.last.map { $0.time / 1000 } ?? 0))
    }

    /// Best bid/ask, last price, 24 h volume and today's open (`Ticker`).
    public func ticker(pair: String) async throws -> KrakenTicker {
        let result = try await publicCall("Ticker", [("pair", pair)])
        guard let entry = result.object.first else { throw KrakenDecodingError(context: "Ticker", field: "<pair>", value: result) }
        let key = entry.key, t = entry.value
        guard let ask = t["a"]?[0]?.fixed, let bid = t["b"]?[0]?.fixed, let last = t["c"]?[0]?.fixed,
              let volume = t["v"]?[1]?.fixed, let open = t["o"]?.fixed else {
            throw KrakenDecodingError(context: "Ticker.\(key)", field: "a/b/c/v/o", value: t)
        }
        return KrakenTicker(pair: key, ask: ask, bid: bid, last: last, volume24h: volume, open: open)
    }

    /// The order book, `count` levels a side (`Depth`).
    public func depth(pair: String, count: Int = 100) async throws -> KrakenOrderBook {
        let result = try await publicCall("Depth", [("pair", pair), ("count", String(count))])
        guard let entry = result.object.first else { throw KrakenDecodingError(context: "Depth", field: "<pair>", value: result) }
        let key = entry.key, book = entry.value
        func levels(_ side: String) throws -> [KrakenBookLevel] {
            guard let rows = book[side]?.array else { throw KrakenDecodingError(context: "Depth.\(key)", field: side, value: book) }
            return try rows.map { row in
                guard let p = row[0]?.fixed, let q = row[1]?.fixed, let t = row[2]?.double else {
                    throw KrakenDecodingError(context: "Depth.\(key).\(side)", field: "[price, volume, timestamp]", value: row)
                }
                return KrakenBookLevel(price: p, quantity: q, time: Int64(t))
            }
        }
        return KrakenOrderBook(pair: key, asks: try levels("asks"), bids: try levels("bids"))
    }

    /// Up to `count` (max 1000) public trades after `since` (nanoseconds, as Kraken's `last` cursor), oldest
    /// first, with the cursor to continue from.
    public func trades(pair: String, since: String? = nil, count: Int = 1000) async throws -> (trades: [KrakenPublicTrade], last: String) {
        var query = [("pair", pair), ("count", String(count))]
        if let since { query.append(("since", since)) }
        let result = try await publicCall("Trades", query)
        guard let rows = result.object.first(where: { $0.key != "last" })?.value.array else {
            throw KrakenDecodingError(context: "Trades", field: "<pair>", value: result)
        }
        var trades: [KrakenPublicTrade] = []
        trades.reserveCapacity(rows.count)
        for row in rows {
            guard let p = row[0]?.fixed, let q = row[1]?.fixed, let timeText = row[2]?.string,
                  let side = row[3]?.string, let id = row[6]?.int64, let nanos = Self.nanos(fromSeconds: timeText) else {
                throw KrakenDecodingError(context: "Trades.\(pair)", field: "row [price, volume, time, side, type, misc, trade_id]", value: row)
            }
            trades.append(KrakenPublicTrade(id: id, price: p, quantity: q, timeNanos: nanos, side: side == "s" ? .sell : .buy))
        }
        guard let last = result["last"]?.string else { throw KrakenDecodingError(context: "Trades", field: "last", value: result) }
        return (trades, last)
    }

    /// Unix nanoseconds from decimal seconds text (`1688669597.8277369`), exactly.
    static func nanos(fromSeconds text: String) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = Int64(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1].prefix(9)).padding(toLength: 9, withPad: "0", startingAt: 0)
            guard let f = Int64(digits) else { return nil }
            fraction = f
        }
        return whole * 1_000_000_000 + fraction
    }
}
