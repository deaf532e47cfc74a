import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import Exchanges

@Suite struct KrakenHistoryTests {
    /// 1,000 minutes of trades, three per minute except minute 500 (2,998 in all), ending 10 minutes before "now".
    static let start: Int64 = 1_699_920_000_000  // a UTC midnight, so 5-minute buckets align
    static let minutes: Int64 = 1_000
    static let now = start + (minutes + 10) * 60_000

    static func history() -> [FakeKrakenPublicTrade] {
        var trades: [FakeKrakenPublicTrade] = []
        for m in 0..<minutes {
            let base = 1_000 + m
            for (k, offset) in [Int64(1_000), 20_000, 50_000].enumerated() where !(m == 500 && k > 0) {
                let price = Fixed(Int(base)) + Fixed(raw: Int64(k) * 25_000_000)
                trades.append(trade(price: price.description, volume: "0.\(k + 1)", atMillis: start + m * 60_000 + offset))
            }
        }
        return trades
    }

    static func expectedBar(minute m: Int64) -> Bar {
        let base = Double(1_000 + m)
        if m == 500 { return Bar(time: start + m * 60_000, open: base, high: base, low: base, close: base, volume: 0.1) }
        return Bar(time: start + m * 60_000, open: base, high: base + 0.5, low: base, close: base + 0.5, volume: 0.6)
    }

    @Test func ohlcReturnsAtMost720Candles() async throws {
        try await withFakeKraken { server in
            server.setNow(millis: Self.now)
            server.recordPublicTrades(Self.history(), pair: "XBTEUR")
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let answer = try await rest.ohlc(pair: "XBTEUR", intervalMinutes: 1, since: Self.start / 1000 - 1)
            #expect(answer.bars.count == 709)
            #expect(answer.bars.first?.time == Self.now - 719 * 60_000)
        }
    }

    @Test func moreThan720CandlesAreBuiltFromPaginatedTrades() async throws {
        try await withFakeKraken { server in
            server.setNow(millis: Self.now)
            server.recordPublicTrades(Self.history(), pair: "XBTEUR")
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let history = KrakenHistory(rest: rest, clock: VirtualClock(start: Self.now))
            let bars = try await history.bars(symbol: "BTC/EUR", timeframe: .oneMinute, from: Self.start,
                                              to: Self.start + Self.minutes * 60_000)
            #expect(bars.count == Int(Self.minutes))
            #expect(bars == (0..<Self.minutes).map { Self.expectedBar(minute: $0) })
            let fiveMinute = try await history.bars(symbol: "BTC/EUR", timeframe: Timeframe("5m")!, from: Self.start + 5 * 60_000,
                                                    to: Self.start + 15 * 60_000)
            #expect(fiveMinute == [
                Bar(time: Self.start + 5 * 60_000, open: 1_005, high: 1_009.5, low: 1_005, close: 1_009.5, volume: 3),
                Bar(time: Self.start + 10 * 60_000, open: 1_010, high: 1_014.5, low: 1_010, close: 1_014.5, volume: 3),
            ])
        }
    }

    @Test func recentRangesComeFromOHLCAndAgreeWithTrades() async throws {
        try await withFakeKraken { server in
            server.setNow(millis: Self.now)
            server.recordPublicTrades(Self.history(), pair: "XBTEUR")
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let history = KrakenHistory(rest: rest, clock: VirtualClock(start: Self.now))
            let from = Self.start + 900 * 60_000, to = Self.start + 1_000 * 60_000
            let recent = try await history.bars(symbol: "BTC/EUR", timeframe: .oneMinute, from: from, to: to)
            #expect(recent == (900..<Self.minutes).map { Self.expectedBar(minute: $0) })
            let rebuilt = try await history.barsFromTrades(pair: "XBTEUR", interval: 60_000, from: from, to: to)
            #expect(rebuilt == recent)
        }
    }
}
