import Testing
import Indicators
import TradingModel

@Suite struct VWAPTests {
    static let day: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000

    static func bar(_ time: Int64, _ high: Double, _ low: Double, _ close: Double, _ volume: Double) -> Bar {
        Bar(time: time, open: close, high: high, low: low, close: close, volume: volume)
    }

    @Test func vwapResetsAtMidnightUTC() {
        // Day 0: typical prices 10 (volume 2) and 12 (volume 6) → 10, (20 + 72) / 8 = 11.5.
        // Day 1 starts fresh: 20 (volume 1), then 30 (volume 3) → 20, (20 + 90) / 4 = 27.5.
        let bars = [
            Self.bar(23 * Self.hour, 12, 8, 10, 2),
            Self.bar(23 * Self.hour + Self.hour / 2, 13, 11, 12, 6),
            Self.bar(Self.day, 22, 18, 20, 1),
            Self.bar(Self.day + Self.hour, 31, 29, 30, 3),
        ]
        #expect(VWAP.compute(BarColumns(bars)) == [10, 11.5, 20, 27.5])
        var vwap = VWAP()
        #expect(bars.map { vwap.update($0) } == [10, 11.5, 20, 27.5])
    }

    @Test func vwapIsUndefinedUntilTheDayTradesVolume() {
        let bars = [
            Self.bar(5 * Self.day, 12, 8, 10, 0),
            Self.bar(5 * Self.day + Self.hour, 13, 11, 12, 4),
            Self.bar(6 * Self.day, 22, 18, 20, 0),
        ]
        #expect(exactly(VWAP.compute(BarColumns(bars)), [nil, 12, nil]))
    }

    @Test func vwapUsesFloorDaysBeforeTheEpoch() {
        // 1969-12-31 23:00 and 1970-01-01 00:00 are different UTC days.
        let bars = [Self.bar(-Self.hour, 12, 8, 10, 1), Self.bar(0, 22, 18, 20, 1)]
        #expect(VWAP.compute(BarColumns(bars)) == [10, 20])
    }
}
