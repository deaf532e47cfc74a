import Testing
import TradingModel
@testable import MarketData

@Suite struct StreamingResamplerTests {
    static let t0 = ResamplerTests.t0
    static let minute = ResamplerTests.minute

    @Test func emitsOnlyAfterTheBarThatEndsTheBucket() throws {
        var stream = try StreamingResampler(base: .oneMinute, target: Timeframe(seconds: 300))
        let input = ResamplerTests.bars(Array(0..<10))
        var emittedAt: [Int] = []
        for (i, bar) in input.enumerated() where !stream.push(bar).isEmpty { emittedAt.append(i) }
        #expect(emittedAt == [4, 9])
        #expect(stream.lastClosed == Bar(time: Self.t0 + 5 * Self.minute, open: 105, high: 109.5, low: 104.5,
                                         close: 109.25, volume: 40))
        #expect(stream.forming == nil)
    }

    @Test func formingBarShowsOnlyBarsFedSoFar() throws {
        var stream = try StreamingResampler(base: .oneMinute, target: Timeframe(seconds: 300))
        for bar in ResamplerTests.bars([0, 1]) { #expect(stream.push(bar).isEmpty) }
        #expect(stream.forming == Bar(time: Self.t0, open: 100, high: 101.5, low: 99.5, close: 101.25, volume: 3))
        #expect(stream.lastClosed == nil)
    }

    @Test func aGapClosesThePreviousBucketWhenALaterBarArrives() throws {
        var stream = try StreamingResampler(base: .oneMinute, target: Timeframe(seconds: 300))
        for bar in ResamplerTests.bars([0, 1, 2]) { #expect(stream.push(bar).isEmpty) }
        let closed = stream.push(ResamplerTests.bars([7])[0])
        #expect(Array(closed) == [Bar(time: Self.t0, open: 100, high: 102.5, low: 99.5, close: 102.25, volume: 6)])
        #expect(stream.flush() == Bar(time: Self.t0 + 5 * Self.minute, open: 107, high: 107.5, low: 106.5,
                                      close: 107.25, volume: 8))
    }

    @Test func oneBarCanCloseTwoBuckets() throws {
        var stream = try StreamingResampler(base: .oneMinute, target: Timeframe(seconds: 300))
        _ = stream.push(ResamplerTests.bars([0])[0])
        let closed = stream.push(ResamplerTests.bars([9])[0])
        #expect(closed.map(\.time) == [Self.t0, Self.t0 + 5 * Self.minute])
    }

    @Test func matchesTheBatchResamplerOnCompleteBuckets() throws {
        var generator = try SyntheticBarGenerator(seed: 7)
        let base = generator.generate(count: 1_000)
        var stream = try StreamingResampler(base: .oneMinute, target: Timeframe(seconds: 900))
        var streamed: [Bar] = []
        for bar in base { streamed.append(contentsOf: stream.push(bar)) }
        let batch = try Resampler(base: .oneMinute, target: Timeframe(seconds: 900)).resample(base)
        #expect(streamed == batch.bars)
        #expect(streamed.count == 66)
    }

    @Test func neverEmitsABucketBeforeItsLastBaseBarHasBeenFed() throws {
        var generator = try SyntheticBarGenerator(seed: 12)
        // Drop runs of bars to create gaps of various lengths.
        let base = generator.generate(count: 3_000).enumerated().filter { ($0.offset / 37) % 5 != 3 }.map(\.element)
        let target = Timeframe(seconds: 900)
        var stream = try StreamingResampler(base: .oneMinute, target: target)
        var emitted = 0
        for bar in base {
            for closed in stream.push(bar) {
                emitted += 1
                // Everything the emitted bar summarises lies at or before the bar just fed...
                #expect(closed.time + target.milliseconds <= bar.time + 60_000)
                // ...and it equals the batch aggregate of the base bars in its bucket.
                let members = base.filter { $0.time >= closed.time && $0.time < closed.time + target.milliseconds }
                #expect(closed.close == members.last?.close)
                #expect(closed.high == members.map(\.high).max())
            }
        }
        #expect(emitted > 150)
    }

    @Test func ignoresBarsOlderThanTheLastOne() throws {
        var stream = try StreamingResampler(base: .oneMinute, target: Timeframe(seconds: 300))
        let bars = ResamplerTests.bars([0, 1])
        _ = stream.push(bars[0])
        _ = stream.push(bars[1])
        #expect(stream.push(bars[0]).isEmpty)
        #expect(stream.droppedBars == 1)
        #expect(stream.forming?.volume == 3)
    }
}
