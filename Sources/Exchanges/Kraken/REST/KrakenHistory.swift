import TradingCore
import TradingModel

/// Historical bars of any length from Kraken. The `OHLC` endpoint only returns the 720 most recent candles,
/// so a range that starts earlier is rebuilt from the `Trades` endpoint (paginated with its `last` cursor)
/// and aggregated into bars. Intervals without trades have no bar.
public struct KrakenHistory: Sendable {
    /// Most candles `OHLC` returns.
    public static let ohlcLimit: Int64 = 720

    let rest: KrakenRESTClient
    let pairs: KrakenPairCache
    let clock: any TradingClock

    /// - Parameter clock: "now", to decide whether `OHLC` still covers the start of a range.
    public init(rest: KrakenRESTClient, clock: any TradingClock = WallClock()) {
        self.rest = rest
        self.pairs = KrakenPairCache(rest: rest)
        self.clock = clock
    }

    /// Closed bars of `symbol` (`BTC/EUR`) with `from <= time < to` (Unix ms), oldest first.
    public func bars(symbol: String, timeframe: Timeframe, from: Int64, to: Int64) async throws -> [Bar] {
        guard from < to else { return [] }
        let interval = timeframe.milliseconds
        let pair = try await pairs.altname(symbol: symbol)
        let now = clock.now()
        let minutes = timeframe.seconds / 60
        let ohlcOffered = timeframe.seconds % 60 == 0 && KrakenMarketDataSource.intervals.contains(minutes)
        let currentOpen = now - now % interval
        // OHLC covers [currentOpen - 719 intervals, currentOpen]; the last candle is still forming.
        if ohlcOffered, from >= currentOpen - (Self.ohlcLimit - 1) * interval {
            let answer = try await rest.ohlc(pair: pair, intervalMinutes: Int(minutes), since: from / 1000 - 1)
            return answer.bars.filter { $0.time >= from && $0.time < to && $0.time + interval <= now }
        }
        return try await barsFromTrades(pair: pair, interval: interval, from: from, to: min(to, currentOpen))
    }

    /// Aggregates public trades with `from <= time < to` into bars of `interval` ms.
    func barsFromTrades(pair: String, interval: Int64, from: Int64, to: Int64) async throws -> [Bar] {
        var bars: [Bar] = []
        var since = String((from - 1) * 1_000_000)
        var seen: Int64 = -1
        var volume = Fixed.zero
        paging: while true {
            let page = try await rest.trades(pair: pair, since: since)
            for trade in page.trades where trade.id > seen {
                seen = trade.id
                let t = trade.timeMillis
                if t < from { continue }
                if t >= to { break paging }
                let open = t - ((t % interval) + interval) % interval
                let price = trade.price.doubleValue
                if let last = bars.last, last.time == open {
                    volume += trade.quantity
                    bars[bars.count - 1].high = max(last.high, price)
                    bars[bars.count - 1].low = min(last.low, price)
                    bars[bars.count - 1].close = price
                    bars[bars.count - 1].volume = volume.doubleValue
                } else {
                    volume = trade.quantity
                    bars.append(Bar(time: open, open: price, high: price, low: price, close: price, volume: volume.doubleValue))
                }
            }
            if page.trades.isEmpty || page.last == since { break }
            since = page.last
        }
        return bars
    }
}
