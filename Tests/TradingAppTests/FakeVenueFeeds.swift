import Foundation
import TradingCore
import TradingModel
import VenueFakes

/// Background feeds of closed 1-minute bars into the fake venues, for sessions (in this process or spawned)
/// that need market data: one bar per `interval`, starting 100 minutes ago so every bar is in the past.
enum FakeVenueFeeds {
    static let minute: Int64 = 60_000

    /// The start of the minute `minutes` ago (Unix ms).
    static func minuteStart(minutesAgo minutes: Int64) -> Int64 {
        (WallClock().now() / minute - minutes) * minute
    }

    /// Pushes a closed `symbol` kline (flat at `price`) to the fake Binance every `interval` until canceled.
    static func binance(_ state: FakeBinanceState, symbol: String = "BTCUSDT", price: Double,
                        interval: Duration = .milliseconds(300)) -> Task<Void, Never> {
        let t0 = minuteStart(minutesAgo: 100)
        return Task {
            var i: Int64 = 0
            while !Task.isCancelled {
                let bar = Bar(time: t0 + i * minute, open: price, high: price, low: price, close: price, volume: 1)
                await state.pushKline(symbol, interval: "1m", bar: bar, closed: true)
                if i < 95 { i += 1 }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Records one public `pair` trade at `price` per minute on the fake Kraken every `interval` until canceled;
    /// each trade closes the previous minute's bar on the `ohlc` channel.
    static func kraken(_ server: FakeKrakenServer, pair: String = "XBTUSD", price: Fixed,
                       interval: Duration = .milliseconds(300)) -> Task<Void, Never> {
        let t0 = minuteStart(minutesAgo: 100)
        return Task {
            var i: Int64 = 0
            while !Task.isCancelled && i < 96 {
                let time = (t0 + i * minute + 1_000) * 1_000_000
                server.recordPublicTrades([FakeKrakenPublicTrade(id: 0, price: price, volume: Fixed(1), timeNanos: time,
                                                                 side: .buy)], pair: pair)
                i += 1
                try? await Task.sleep(for: interval)
            }
        }
    }
}
