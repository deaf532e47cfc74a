import Foundation
import Testing
import Indicators
import TradingModel

/// Hand-computed values for the indicators TA-Lib does not have.
@Suite struct ChannelTests {
    @Test func donchianTracksTheExtremesOfTheWindow() {
        let highs = [1.0, 5, 3, 4, 2]
        let lows = [0.0, 2, 1, 3, 1]
        let bars = zip(highs, lows).enumerated().map { index, pair in
            Bar(time: Int64(index), open: pair.1, high: pair.0, low: pair.1, close: pair.1, volume: 1)
        }
        let series = Donchian.compute(BarColumns(bars), period: 3)
        #expect(exactly(series.upper, [nil, nil, 5, 5, 4]))
        #expect(exactly(series.lower, [nil, nil, 0, 1, 1]))
        #expect(exactly(series.middle, [nil, nil, 2.5, 3, 2.5]))
        var donchian = Donchian(period: 3)
        let streamed = bars.map { donchian.update($0) }
        #expect(exactly(streamed.map(\.upper), [nil, nil, 5, 5, 4]))
        #expect(exactly(streamed.map(\.middle), [nil, nil, 2.5, 3, 2.5]))
    }

    @Test func keltnerBandsAreTheEMAPlusMinusMultipleATRs() {
        // EMA(3), k = 0.5: seed (10 + 12 + 14) / 3 = 12, then 13, 12.
        // True ranges from bar 1: 3, 3, 3, 3 → ATR(3) = 3 at bar 3 and (3 × 2 + 3) / 3 = 3 at bar 4.
        let bars = Bars.hlc([(11, 9, 10), (13, 11, 12), (15, 12, 14), (14, 11, 14), (14, 11, 11)])
        let series = Keltner.compute(BarColumns(bars), period: 3, multiplier: 2)
        #expect(exactly(series.middle, [nil, nil, 12, 13, 12]))
        #expect(exactly(series.upper, [nil, nil, nil, 19, 18]))
        #expect(exactly(series.lower, [nil, nil, nil, 7, 6]))
        var keltner = Keltner(period: 3, multiplier: 2)
        let streamed = bars.map { keltner.update($0) }
        #expect(exactly(streamed.map(\.upper), [nil, nil, nil, 19, 18]))
        #expect(exactly(streamed.map(\.middle), [nil, nil, 12, 13, 12]))
    }

    @Test func supertrendRatchetsItsBandsAndFlipsOnCloses() {
        // ATR(1) = true range, multiplier 1, hl2 ± TR:
        // bar 1: bands 12 / 8, starts down → 12
        // bar 2: upper stays 12, lower rises to 9; close 12.5 > 12 → up → 9
        // bar 3: previous close above the upper band resets it to 15; lower rises to 11 → 11
        // bar 4: upper falls to 14.5; close 9.5 < 11 → down → 14.5
        // bar 5: upper falls to 11; previous close below the lower band resets it to 7 → 11
        let bars = Bars.hlc([(10, 8, 9), (11, 9, 10), (13, 11, 12.5), (14, 12, 13), (12, 9, 9.5), (10, 8, 9)])
        let series = Supertrend.compute(BarColumns(bars), atrPeriod: 1, multiplier: 1)
        #expect(exactly(series.value, [nil, 12, 9, 11, 14.5, 11]))
        #expect(exactly(series.direction, [nil, -1, 1, 1, -1, -1]))
        var supertrend = Supertrend(atrPeriod: 1, multiplier: 1)
        let streamed = bars.map { supertrend.update($0) }
        #expect(streamed.map(\.direction) == [0, -1, 1, 1, -1, -1])
        #expect(exactly(streamed.map(\.value), [nil, 12, 9, 11, 14.5, 11]))
    }

    @Test func ichimokuSpansArePlottedKijunBarsAhead() {
        let highs = [10.0, 12, 11, 14, 13, 15, 12, 16]
        let lows = [8.0, 9, 10, 11, 12, 10, 11, 13]
        let bars = zip(highs, lows).enumerated().map { index, pair in
            Bar(time: Int64(index), open: pair.1, high: pair.0, low: pair.1, close: pair.1, volume: 1)
        }
        let series = Ichimoku.compute(BarColumns(bars), tenkan: 2, kijun: 3, senkouB: 4)
        #expect(exactly(series.tenkan, [nil, 10, 10.5, 12, 12.5, 12.5, 12.5, 13.5]))
        #expect(exactly(series.kijun, [nil, nil, 10, 11.5, 12, 12.5, 12.5, 13]))
        // span A computed on bar t - 3: (10.5 + 10) / 2, (12 + 11.5) / 2, (12.5 + 12) / 2
        #expect(exactly(series.senkouA, [nil, nil, nil, nil, nil, 10.25, 11.75, 12.25]))
        // span B (4-bar midpoint) computed on bar t - 3: bar 3 → (14 + 8) / 2, bar 4 → (14 + 9) / 2
        #expect(exactly(series.senkouB, [nil, nil, nil, nil, nil, nil, 11, 11.5]))
        var ichimoku = Ichimoku(tenkan: 2, kijun: 3, senkouB: 4)
        #expect(ichimoku.lookback == 6)
        let streamed = bars.map { ichimoku.update($0) }
        #expect(exactly(streamed.map(\.senkouA), [nil, nil, nil, nil, nil, 10.25, 11.75, 12.25]))
        #expect(exactly(streamed.map(\.senkouB), [nil, nil, nil, nil, nil, nil, 11, 11.5]))
    }

    @Test func ichimokuValuesAtABarIgnoreLaterBars() {
        // No look-ahead: the lines at bar t are the same whether or not later bars exist.
        let bars = Bars.hlc((0..<120).map { i in
            let mid = 100 + 10 * sin(Double(i) / 7)
            return (mid + 1 + Double(i % 3), mid - 1 - Double(i % 5), mid)
        })
        let full = Ichimoku.compute(BarColumns(bars))
        let prefix = Ichimoku.compute(BarColumns(Array(bars[0..<90])))
        #expect(zip(full.senkouA[0..<90], prefix.senkouA).allSatisfy(Comparison.identical))
        #expect(zip(full.senkouB[0..<90], prefix.senkouB).allSatisfy(Comparison.identical))
        #expect(Comparison.firstDefined(full.senkouA) == 51)
        #expect(Comparison.firstDefined(full.senkouB) == 77)
    }
}
