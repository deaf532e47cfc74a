import TradingCore
import TradingModel

/// Kraken history (``KrakenHistory``: `OHLC`, or `Trades` aggregated into bars for older ranges) as a
/// ``HistoricalBarSource`` for `data download`. A page covers consecutive windows of `limit` intervals until it
/// holds `limit` bars or reaches `to`, so minutes without trades (no bar) never end a download early.
public struct KrakenHistoricalBars: HistoricalBarSource {
    /// The history reader.
    public let history: KrakenHistory

    /// A source reading through `exchange`'s REST client.
    public init(exchange: KrakenExchange, clock: any TradingClock = WallClock()) {
        history = KrakenHistory(rest: exchange.rest, clock: clock)
    }

    public var venueName: String { "kraken" }
    public var maxBarsPerRequest: Int { Int(KrakenHistory.ohlcLimit) }

    public func bars(symbol: String, timeframe: Timeframe, from: Int64, to: Int64, limit: Int) async throws -> [Bar] {
        let count = max(1, min(limit, maxBarsPerRequest))
        let window = Int64(count) * timeframe.milliseconds
        // Bars opening at or before `to` are those opening before the end of `to`'s interval (KrakenHistory's
        // ranges are half-open, and a bar needs the trades of its whole interval).
        let last = to - ((to % timeframe.milliseconds) + timeframe.milliseconds) % timeframe.milliseconds + timeframe.milliseconds
        var result: [Bar] = []
        var start = from
        while start < last, result.count < count {
            let end = min(last, start + window)
            result += try await history.bars(symbol: symbol, timeframe: timeframe, from: start, to: end)
            start = end
        }
        return Array(result.prefix(count))
    }
}
