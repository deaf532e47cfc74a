import Foundation
import TradingModel

/// One market data message of a combined stream (`{"stream":"btcusdt@kline_1m","data":{...}}`).
public enum BinanceStreamEvent: Sendable, Hashable {
    /// A kline update; `closed` is the `x` flag (the bar is final).
    case kline(symbol: String, interval: String, bar: Bar, closed: Bool)
    /// One public trade.
    case trade(symbol: String, tradeId: Int64, price: Price, quantity: Quantity, time: Int64)
    /// Best bid and ask.
    case bookTicker(symbol: String, bid: Price, bidQuantity: Quantity, ask: Price, askQuantity: Quantity)

    private struct Envelope: Decodable {
        var stream: String
    }
    private struct KlineData: Decodable {
        var s: String
        var k: K
        struct K: Decodable {
            var t: Int64, i: String, o: String, c: String, h: String, l: String, v: String, x: Bool
        }
    }
    private struct TradeData: Decodable { var s: String, t: Int64, p: String, q: String, T: Int64 }
    private struct BookData: Decodable { var s: String, b: String, B: String, a: String, A: String }
    private struct Wrapped<T: Decodable>: Decodable { var data: T }

    /// The stream name of a kline subscription: `btcusdt@kline_1m`.
    public static func klineStream(_ venueSymbol: String, interval: String) -> String {
        "\(venueSymbol.lowercased())@kline_\(interval)"
    }

    /// The combined-stream URL for `streams` under a WebSocket base URL.
    public static func combinedURL(base: String, streams: [String]) -> String {
        base + "/stream?streams=" + streams.joined(separator: "/")
    }

    /// Parses a combined-stream message; nil for anything else (subscription answers, unknown streams).
    public static func parse(_ text: String) -> BinanceStreamEvent? {
        let data = Data(text.utf8)
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data) else { return nil }
        if envelope.stream.contains("@kline_") {
            guard let k = try? JSONDecoder().decode(Wrapped<KlineData>.self, from: data).data,
                  let o = Double(k.k.o), let h = Double(k.k.h), let l = Double(k.k.l), let c = Double(k.k.c),
                  let v = Double(k.k.v) else { return nil }
            return .kline(symbol: k.s, interval: k.k.i, bar: Bar(time: k.k.t, open: o, high: h, low: l, close: c, volume: v),
                          closed: k.k.x)
        }
        if envelope.stream.hasSuffix("@trade") {
            guard let t = try? JSONDecoder().decode(Wrapped<TradeData>.self, from: data).data,
                  let price = Fixed(t.p), let quantity = Fixed(t.q) else { return nil }
            return .trade(symbol: t.s, tradeId: t.t, price: price, quantity: quantity, time: t.T)
        }
        if envelope.stream.hasSuffix("@bookTicker") {
            guard let b = try? JSONDecoder().decode(Wrapped<BookData>.self, from: data).data,
                  let bid = Fixed(b.b), let bidQ = Fixed(b.B), let ask = Fixed(b.a), let askQ = Fixed(b.A) else { return nil }
            return .bookTicker(symbol: b.s, bid: bid, bidQuantity: bidQ, ask: ask, askQuantity: askQ)
        }
        return nil
    }
}
