import Testing
import TradingModel
@testable import MarketData

@Suite struct ResamplerTests {
    static let t0: Int64 = 1_704_067_200_000  // Monday 2024-01-01T00:00:00Z
    static let minute: Int64 = 60_000

    /// Bar i: open 100+i, high 100.5+i, low 99.5+i, close 100.25+i, volume i+1.
    static func bars(_ indices: [Int64]) -> [Bar] {
        indices.map { i in
            let x = Double(i)
            return Bar(time: t0 + i * minute, open: 100 + x, high: 100.5 + x, low: 99.5 + x, close: 100.25 + x, volume: x + 1)
        }
    }

    @Test func aggregatesOhlcvPerBucket() throws {
        let resampler = try Resampler(base: .oneMinute, target: Timeframe(seconds: 300))
        let out = resampler.resample(Self.bars(Array(0..<10)))
        #expect(out.bars == [
            Bar(time: Self.t0, open: 100, high: 104.5, low: 99.5, close: 104.25, volume: 15),
            Bar(time: Self.t0 + 5 * Self.minute, open: 105, high: 109.5, low: 104.5, close: 109.25, volume: 40),
        ])
        #expect(!out.lastIsIncomplete)
    }

    @Test func alignsBucketsToEpochMultiplesWhenDataStartsMidBucket() throws {
        let resampler = try Resampler(base: .oneMinute, target: Timeframe(seconds: 300))
        let out = resampler.resample(Self.bars([3, 4, 5, 6, 7, 8, 9]))
        #expect(out.bars.map(\.time) == [Self.t0, Self.t0 + 5 * Self.minute])
        #expect(out.bars[0].open == 103)
        #expect(out.bars[0].volume == 9)
    }

    @Test func dropsOrFlagsTheIncompleteTrailingBucket() throws {
        let input = Self.bars(Array(0..<8))
        let dropped = try Resampler(base: .oneMinute, target: Timeframe(seconds: 300)).resample(input)
        #expect(dropped.bars.count == 1)
        #expect(!dropped.lastIsIncomplete)
        let kept = try Resampler(base: .oneMinute, target: Timeframe(seconds: 300), incomplete: .keep).resample(input)
        #expect(kept.bars.count == 2)
        #expect(kept.bars[1] == Bar(time: Self.t0 + 5 * Self.minute, open: 105, high: 107.5, low: 104.5,
                                    close: 107.25, volume: 21))
        #expect(kept.lastIsIncomplete)
    }

    @Test func emitsBucketsAcrossGapsFromTheBarsPresent() throws {
        let out = try Resampler(base: .oneMinute, target: Timeframe(seconds: 300)).resample(Self.bars([0, 1, 12, 14]))
        #expect(out.bars.map(\.time) == [Self.t0, Self.t0 + 10 * Self.minute])
        #expect(out.bars[1].volume == 28)
    }

    @Test func weeklyBucketsStartOnMondayUtc() throws {
        let day: Int64 = 86_400_000
        // Sunday 2023-12-31 and Monday..Sunday 2024-01-01...07 and Monday 2024-01-08.
        var daily: [Bar] = []
        for d: Int64 in -1...7 {
            let bar = Bar(time: Self.t0 + d * day, open: Double(d) + 10, high: 50, low: 1, close: Double(d) + 20, volume: 1)
            daily.append(bar)
        }
        let week = try #require(Timeframe("1w"))
        let out = try Resampler(base: .oneDay, target: week, incomplete: .keep).resample(daily)
        let expected: [Int64] = [Self.t0 - 7 * day, Self.t0, Self.t0 + 7 * day]
        #expect(out.bars.map(\.time) == expected)
        #expect(out.bars[1].open == 10)
        #expect(out.bars[1].close == 26)
        #expect(out.bars[1].volume == 7)
        #expect(out.lastIsIncomplete)
        #expect(week.bucketStart(containing: Self.t0 + 2 * day + 43_200_000) == Self.t0)
    }

    @Test func rejectsTargetsThatAreNotMultiplesOfTheBase() {
        #expect(throws: MarketDataError.invalidParameter(name: "target timeframe", value: "7m",
                                                         expected: "a whole multiple of the base timeframe 5m")) {
            try Resampler(base: Timeframe(seconds: 300), target: Timeframe(seconds: 420))
        }
    }

    @Test func emptyInputGivesNoBars() throws {
        let out = try Resampler(base: .oneMinute, target: .oneHour).resample([])
        #expect(out.bars.isEmpty)
    }
}
