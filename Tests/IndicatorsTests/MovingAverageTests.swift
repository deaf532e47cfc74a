import Testing
import Indicators

@Suite struct MovingAverageTests {
    @Test func smaAveragesTheLastPeriodValues() {
        var sma = SMA(period: 3)
        #expect(exactly([1.0, 2, 3, 4, 5].map { sma.update($0) }, [nil, nil, 2, 3, 4]))
        #expect(exactly(SMA.compute([1, 2, 3, 4, 5], period: 3), [nil, nil, 2, 3, 4]))
    }

    @Test func emaIsSeededWithTheSimpleAverage() {
        // k = 2 / (3 + 1) = 0.5; seed (1 + 2 + 3) / 3 = 2, then 2 + (4 - 2) × 0.5 = 3, 3 + (8 - 3) × 0.5 = 5.5
        var ema = EMA(period: 3)
        #expect(ema.k == 0.5)
        #expect(exactly([1.0, 2, 3, 4, 8].map { ema.update($0) }, [nil, nil, 2, 3, 5.5]))
        #expect(exactly(EMA.compute([1, 2, 3, 4, 8], period: 3), [nil, nil, 2, 3, 5.5]))
    }

    @Test func wmaWeightsTheNewestValueMost() {
        // (3×1 + 6×2 + 9×3) / 6 = 7, (6×1 + 9×2 + 12×3) / 6 = 10, (9 + 24 + 3×3) / 6 = 7
        var wma = WMA(period: 3)
        #expect(exactly([3.0, 6, 9, 12, 3].map { wma.update($0) }, [nil, nil, 7, 10, 7]))
        #expect(exactly(WMA.compute([3, 6, 9, 12, 3], period: 3), [nil, nil, 7, 10, 7]))
    }

    @Test func wmaStaysAccurateOverLongStreams() {
        // A long random walk: the periodic exact recomputation keeps the O(1) update within 1e-12 of
        // the direct weighted sum.
        var generator = SplitMix64(seed: 7)
        var price = 20_000.0
        let values = (0..<200_000).map { _ in
            price *= 1 + 0.002 * (generator.nextUnit() - 0.5)
            return price
        }
        var wma = WMA(period: 10)
        var worst = 0.0
        for (index, value) in values.enumerated() {
            let output = wma.update(value)
            guard index >= 9 else { continue }
            var direct = 0.0
            for weight in 1...10 { direct += values[index - 10 + weight] * Double(weight) }
            direct /= 55
            worst = max(worst, abs(output - direct) / direct)
        }
        #expect(worst < 1e-12)
    }

    @Test func demaAndTemaCancelTheLagOfALinearTrend() {
        // On a straight line, DEMA and TEMA equal the input once defined.
        let line = (0..<12).map { 10.0 + 2.0 * Double($0) }
        let dema = DEMA.compute(line, period: 3)
        let tema = TEMA.compute(line, period: 3)
        #expect(Comparison.firstDefined(dema) == 4)
        #expect(Comparison.firstDefined(tema) == 6)
        for index in 4..<12 { #expect(abs(dema[index] - line[index]) < 1e-12) }
        for index in 6..<12 { #expect(abs(tema[index] - line[index]) < 1e-12) }
    }

    @Test func leadingNaNsAreSkippedSoIndicatorsChain() {
        let values = [Double.nan, .nan, 1, 2, 3, 4, 8]
        #expect(exactly(EMA.compute(values, period: 3), [nil, nil, nil, nil, 2, 3, 5.5]))
        var sma = SMA(period: 2)
        #expect(exactly(values.map { sma.update($0) }, [nil, nil, nil, 1.5, 2.5, 3.5, 6]))
        // An SMA of an SMA starts on the first defined inner value.
        let inner = SMA.compute([1, 2, 3, 4, 5, 6], period: 2)  // [nan, 1.5, 2.5, 3.5, 4.5, 5.5]
        #expect(exactly(SMA.compute(inner, period: 2), [nil, nil, 2, 3, 4, 5]))
    }

    @Test func shortInputsGiveOnlyNaN() {
        #expect(exactly(SMA.compute([1, 2], period: 3), [nil, nil]))
        #expect(exactly(EMA.compute([], period: 3), []))
        #expect(exactly(WMA.compute([1], period: 2), [nil]))
    }
}

/// A small deterministic generator for test data (SplitMix64).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
