import Foundation
import Testing
@testable import Indicators

@Suite struct SupportTests {
    @Test func ringBufferEvictsTheOldestValue() {
        var ring = RingBuffer(capacity: 3)
        #expect(ring.push(1) == nil)
        #expect(ring.push(2) == nil)
        #expect(ring.push(3) == nil)
        #expect(ring.isFull)
        #expect(ring.push(4) == 1)
        #expect([ring[0], ring[1], ring[2]] == [2, 3, 4])
        #expect(ring.oldest == 2)
        // Raw slots keep TA-Lib's circular order: slot 0 was overwritten by the 4th value.
        #expect([ring.slot(0), ring.slot(1), ring.slot(2)] == [4, 2, 3])
    }

    @Test func monotonicWindowMatchesANaiveScan() {
        var generator = SplitMix64(seed: 11)
        // Rounded values so ties occur.
        let values = (0..<2_000).map { _ in (generator.nextUnit() * 20).rounded() }
        for period in [1, 2, 5, 17] {
            var maximum = MonotonicWindow(period: period, extreme: .maximum)
            var minimum = MonotonicWindow(period: period, extreme: .minimum)
            for (index, value) in values.enumerated() {
                let window = values[max(0, index - period + 1)...index]
                #expect(maximum.push(value) == window.max())
                #expect(minimum.push(value) == window.min())
            }
        }
    }

    @Test func batchRollingExtremesMatchANaiveScan() {
        var generator = SplitMix64(seed: 5)
        let highs = (0..<500).map { _ in (generator.nextUnit() * 10).rounded() + 10 }
        let lows = highs.map { $0 - (generator.nextUnit() * 5).rounded() }
        for period in [1, 3, 8] {
            let (highest, lowest) = Batch.rollingExtremes(high: highs, low: lows, period: period, from: 2)
            for index in highs.indices {
                if index < 2 + period - 1 {
                    #expect(highest[index].isNaN && lowest[index].isNaN)
                } else {
                    #expect(highest[index] == highs[(index - period + 1)...index].max())
                    #expect(lowest[index] == lows[(index - period + 1)...index].min())
                }
            }
        }
    }

    @Test func movingStandardDeviationIsAccurateOnQuietHighPricedSeries() {
        // Price ~30,000 moving by cents: E[x²] - E[x]² on raw prices would lose most digits here.
        var generator = SplitMix64(seed: 3)
        var price = 30_000.0
        let values = (0..<5_000).map { _ in
            price += ((generator.nextUnit() - 0.5) * 4).rounded() / 100
            return price
        }
        let period = 20
        var streaming = MovingStandardDeviation(period: period)
        let batch = MovingStandardDeviation.compute(values, period: period, from: 0)
        var worst = 0.0
        for (index, value) in values.enumerated() {
            let output = streaming.update(value)
            #expect(Comparison.identical(output, batch[index]))
            guard index >= period - 1 else { continue }
            let window = values[(index - period + 1)...index]
            let mean = window.reduce(0, +) / Double(period)
            let exact = (window.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(period)).squareRoot()
            if exact > 0 { worst = max(worst, abs(output - exact) / exact) }
        }
        #expect(worst < 1e-9)
    }

    @Test func standardDeviationOfAFlatWindowIsExactlyZero() {
        var deviation = MovingStandardDeviation(period: 3)
        let outputs = [95.33, 95.34, 95.33, 95.33, 95.33].map { deviation.update($0) }
        #expect(outputs[2] > 0)
        #expect(outputs[4] == 0)
    }

    @Test func scaledZeroTestTreatsUlpLevelRangesAsFlat() {
        let high = 1e6.nextUp
        #expect(PriceMath.stochasticK(close: high, highest: high, lowest: 1e6) == 0)
        #expect(PriceMath.stochasticK(close: 1e6 + 1, highest: 1e6 + 2, lowest: 1e6) == 50)
    }
}
