import Testing
import Indicators
import TradingModel

@Suite struct OscillatorTests {
    @Test func rsiUsesWilderSmoothing() {
        // Changes +1, -1: averages 0.5 / 0.5 → 50. Then +1: gain (0.5 + 1) / 2 = 0.75, loss 0.25 → 75.
        var rsi = RSI(period: 2)
        #expect(exactly([1.0, 2, 1, 2].map { rsi.update($0) }, [nil, nil, 50, 75]))
        #expect(exactly(RSI.compute([1, 2, 1, 2], period: 2), [nil, nil, 50, 75]))
    }

    @Test func rsiOfAMarketThatNeverMovesIsZero() {
        #expect(exactly(RSI.compute([5, 5, 5, 5], period: 2), [nil, nil, 0, 0]))
    }

    @Test func macdStartsTheFastAverageSoBothAlignOnTheSlowSeed() {
        // slow EMA(3) seed (3 + 9 + 3) / 3 = 5; TA-Lib seeds the fast EMA(2) on the last two of those
        // values, (9 + 3) / 2 = 6, not on the first value (which would give 4), so MACD = 1.
        var macd = MACD(fast: 2, slow: 3, signal: 1)
        let outputs = [3.0, 9, 3].map { macd.update($0) }
        #expect(outputs[0].macd.isNaN && outputs[1].signal.isNaN)
        #expect(outputs[2] == MACD.Output(macd: 1, signal: 1, histogram: 0))
        let series = MACD.compute([3, 9, 3], fast: 2, slow: 3, signal: 1)
        #expect(exactly(series.macd, [nil, nil, 1]))
        #expect(exactly(series.histogram, [nil, nil, 0]))
    }

    @Test func macdLineIsUndefinedUntilTheSignalIs() {
        let series = MACD.compute((1...40).map { Double($0 * $0) }, fast: 12, slow: 26, signal: 9)
        #expect(Comparison.firstDefined(series.macd) == 33)
        #expect(Comparison.firstDefined(series.signal) == 33)
        #expect(Comparison.firstDefined(series.histogram) == 33)
    }

    @Test func obvAddsVolumeOnUpClosesAndSubtractsOnDownCloses() {
        let bars = [(10.0, 100.0), (11, 50), (11, 30), (9, 20)].enumerated().map { index, pair in
            Bar(time: Int64(index), open: pair.0, high: pair.0, low: pair.0, close: pair.0, volume: pair.1)
        }
        var obv = OBV()
        #expect(bars.map { obv.update($0) } == [100, 150, 150, 130])
        #expect(OBV.compute(BarColumns(bars)) == [100, 150, 150, 130])
    }

    @Test func rocAndMomCompareWithTheValuePeriodBarsAgo() {
        #expect(exactly(ROC.compute([50, 100, 75, 0, 10], period: 1), [nil, 100, -25, -100, 0]))
        #expect(exactly(MOM.compute([50, 100, 75, 0], period: 2), [nil, nil, 25, -100]))
        var roc = ROC(period: 1)
        #expect(exactly([50.0, 100, 75, 0, 10].map { roc.update($0) }, [nil, 100, -25, -100, 0]))
    }

    @Test func stochasticPlacesTheCloseInTheRange() {
        // fast %K over 2 bars: bar 1 range 8...12 close 11 → 75; bar 2 range 9...13 close 10 → 25;
        // bar 3 range 9...13 close 13 → 100. Slow %K = SMA(2): 50, 62.5; %D = SMA(1).
        let bars = Bars.hlc([(10, 8, 9), (12, 9, 11), (13, 10, 10), (13, 9, 13)])
        let series = Stochastic.compute(BarColumns(bars), fastK: 2, slowK: 2, slowD: 1)
        #expect(exactly(series.k, [nil, nil, 50, 62.5]))
        #expect(exactly(series.d, [nil, nil, 50, 62.5]))
    }

    @Test func flatRangesGiveZeroInsteadOfDividingByZero() {
        let flat = Bars.closes([7, 7, 7, 7])
        #expect(exactly(WilliamsR.compute(BarColumns(flat), period: 2), [nil, 0, 0, 0]))
        #expect(exactly(Stochastic.compute(BarColumns(flat), fastK: 2, slowK: 1, slowD: 1).k, [nil, 0, 0, 0]))
        #expect(exactly(CCI.compute(BarColumns(flat), period: 2), [nil, 0, 0, 0]))
    }

    @Test func williamsRMeasuresTheDistanceBelowTheHigh() {
        // bar 1: range 8...12, close 11 → -100 × (12 - 11) / 4 = -25
        let bars = Bars.hlc([(10, 8, 9), (12, 9, 11)])
        var willr = WilliamsR(period: 2)
        #expect(exactly(bars.map { willr.update($0) }, [nil, -25]))
    }

    @Test func mfiIsZeroWhenTheWindowHoldsNoMoneyFlow() {
        // Typical prices 10, 11, 11, 11: one positive flow (11 × 2), then none.
        let bars = Bars.hlc([(10, 10, 10), (11, 11, 11), (11, 11, 11), (11, 11, 11)], volume: 2)
        #expect(exactly(MFI.compute(BarColumns(bars), period: 2), [nil, nil, 100, 0]))
    }

    @Test func cciScalesTheDeviationByTheMeanDeviation() {
        // Typical prices 1, 2, 6: mean 3, mean deviation (2 + 1 + 3) / 3 = 2 → (6 - 3) / (0.015 × 2) = 100
        let bars = Bars.closes([1, 2, 6])
        var cci = CCI(period: 3)
        let values = bars.map { cci.update($0) }
        #expect(values[0].isNaN && values[1].isNaN)
        #expect(abs(values[2] - 100) < 1e-12)
    }
}
