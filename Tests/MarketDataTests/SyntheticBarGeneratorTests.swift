import Testing
import TradingModel
@testable import MarketData

@Suite struct SyntheticBarGeneratorTests {
    @Test func sameSeedGivesIdenticalBars() throws {
        var a = try SyntheticBarGenerator(seed: 42)
        var b = try SyntheticBarGenerator(seed: 42)
        #expect(a.generate(count: 5_000) == b.generate(count: 5_000))
    }

    @Test func generateContinuesTheSeries() throws {
        var whole = try SyntheticBarGenerator(seed: 9)
        var parts = try SyntheticBarGenerator(seed: 9)
        let first = parts.generate(count: 300)
        let second = parts.generate(count: 200)
        #expect(whole.generate(count: 500) == first + second)
    }

    @Test func differentSeedsGiveDifferentBars() throws {
        var a = try SyntheticBarGenerator(seed: 1)
        var b = try SyntheticBarGenerator(seed: 2)
        let x = a.generate(count: 100)
        let y = b.generate(count: 100)
        #expect(zip(x, y).filter { $0.close == $1.close }.count < 5)
    }

    @Test func startsAtTheGivenTimePriceAndSpacing() throws {
        var generator = try SyntheticBarGenerator(seed: 5, timeframe: .oneHour)
        let bars = generator.generate(count: 3)
        #expect(bars.map(\.time) == [1_704_067_200_000, 1_704_070_800_000, 1_704_074_400_000])
        #expect(bars[0].open == 30_000)
        #expect(bars[1].open == bars[0].close)
        #expect(bars[2].open == bars[1].close)
    }

    @Test func barsAreValidWithPricesOnTheTick() throws {
        for timeframe in [Timeframe.oneMinute, .oneHour, .oneDay] {
            var generator = try SyntheticBarGenerator(seed: 11, timeframe: timeframe, startPrice: 0.5)
            let bars = generator.generate(count: 50_000)
            let report = BarValidator(timeframe: timeframe).validate(bars, file: "synthetic")
            #expect(report.issues.isEmpty, "\(timeframe): \(report.issues.prefix(3))")
            #expect(bars.allSatisfy { $0.low > 0 && $0.volume >= 0 })
            // 0.5 with 7 significant digits: 7 decimals, so every price is a whole number of 1e-7 ticks.
            #expect(bars.allSatisfy { ($0.close * 1e7).rounded() / 1e7 == $0.close })
        }
    }

    @Test func volatilityClusters() throws {
        var generator = try SyntheticBarGenerator(seed: 21, timeframe: .oneHour)
        let bars = generator.generate(count: 100_000)
        let squares = bars.map { r in let x = DeterministicMath.log(r.close / r.open); return x * x }
        #expect(Self.autocorrelation(squares, lag: 1) > 0.1)
        #expect(Self.autocorrelation(squares, lag: 10) > 0.05)
    }

    @Test func volumeRisesWithAbsoluteReturn() throws {
        var generator = try SyntheticBarGenerator(seed: 4, timeframe: .oneHour)
        let bars = generator.generate(count: 50_000)
        let moves = bars.map { abs(DeterministicMath.log($0.close / $0.open)) }
        let sorted = moves.sorted()
        let quiet = sorted[sorted.count / 4]
        let busy = sorted[sorted.count * 3 / 4]
        func meanVolume(_ keep: (Double) -> Bool) -> Double {
            let picked = zip(bars, moves).filter { keep($0.1) }.map(\.0.volume)
            return picked.reduce(0, +) / Double(picked.count)
        }
        #expect(meanVolume { $0 >= busy } > 2 * meanVolume { $0 <= quiet })
    }

    @Test func regimesHaveDistinctDrifts() throws {
        var generator = try SyntheticBarGenerator(seed: 8, timeframe: .oneDay)
        var sums = [0.0, 0.0, 0.0]
        var counts = [0, 0, 0]
        for _ in 0..<150_000 {
            let bar = generator.next()
            sums[generator.regime.rawValue] += DeterministicMath.log(bar.close / bar.open)
            counts[generator.regime.rawValue] += 1
        }
        let mean = (0..<3).map { sums[$0] / Double(counts[$0]) }
        #expect(counts.allSatisfy { $0 > 30_000 })
        #expect(mean[MarketRegime.bull.rawValue] > 0.0015)
        #expect(mean[MarketRegime.bear.rawValue] < -0.0015)
        #expect(abs(mean[MarketRegime.range.rawValue]) < 0.0007)
    }

    @Test func pricesStayPositiveUnderExtremeParameters() throws {
        var parameters = SyntheticMarketParameters()
        parameters.regimes = [.init(drift: -20, volatility: 3), .init(drift: -20, volatility: 3), .init(drift: -20, volatility: 3)]
        parameters.meanReversionPerYear = 0
        var generator = try SyntheticBarGenerator(seed: 3, timeframe: .oneDay, startPrice: 1, parameters: parameters)
        let bars = generator.generate(count: 5_000)
        #expect(bars.allSatisfy { $0.low > 0 && $0.close > 0 })
    }

    @Test func rejectsInvalidParameters() {
        #expect(throws: MarketDataError.invalidParameter(name: "startPrice", value: "-1.0", expected: "a positive finite price")) {
            try SyntheticBarGenerator(seed: 1, startPrice: -1)
        }
        var parameters = SyntheticMarketParameters()
        parameters.garchBeta = 0.95
        #expect(throws: MarketDataError.self) { try SyntheticBarGenerator(seed: 1, parameters: parameters) }
    }

    static func autocorrelation(_ x: [Double], lag: Int) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        var numerator = 0.0
        var denominator = 0.0
        for i in x.indices {
            let d = x[i] - mean
            denominator += d * d
            if i >= lag { numerator += d * (x[i - lag] - mean) }
        }
        return numerator / denominator
    }
}
