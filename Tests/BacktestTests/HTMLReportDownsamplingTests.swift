import Foundation
import Testing
@testable import Backtest
import TradingModel

@Suite struct HTMLReportDownsamplingTests {
    @Test func millionPointsReduceToTheCapKeepingGlobalExtremes() {
        let n = 1_000_000
        var curve: [EquityPoint] = []
        curve.reserveCapacity(n)
        for i in 0..<n {
            let value: Double = i == 777_777 ? 50_000 : i == 123_457 ? 1 : 10_000 + Double(i % 1000)
            curve.append(EquityPoint(time: Int64(i) * 60_000, value: value))
        }
        let points = SVGDownsampler.downsample(curve, cap: HTMLReport.maxChartPoints)
        #expect(points.count <= 1500)
        #expect(points.count >= 1400)
        #expect(points.contains(SVGPoint(time: 777_777 * 60_000, value: 50_000)))
        #expect(points.contains(SVGPoint(time: 123_457 * 60_000, value: 1)))
        #expect(points.map(\.value).max() == 50_000)
        #expect(points.map(\.value).min() == 1)
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.time < $1.time })
    }

    @Test func shortSeriesPassThroughUnchanged() {
        let curve = (0..<10).map { EquityPoint(time: Int64($0), value: Double($0 * $0)) }
        #expect(SVGDownsampler.downsample(curve, cap: 1500) == curve.map { SVGPoint(time: $0.time, value: $0.value) })
    }

    @Test func eachBucketKeepsItsMinimumAndMaximumInTimeOrder() {
        let values: [Double] = [5, 9, 1, 4, 3, 3, 7, 2]
        let curve = values.enumerated().map { EquityPoint(time: Int64($0.offset), value: $0.element) }
        // cap 4: two buckets of four points.
        let expected: [SVGPoint] = [
            SVGPoint(time: 1, value: 9), SVGPoint(time: 2, value: 1),
            SVGPoint(time: 6, value: 7), SVGPoint(time: 7, value: 2),
        ]
        #expect(SVGDownsampler.downsample(curve, cap: 4) == expected)
    }

    @Test func millionBarsMergeIntoCapBucketsKeepingHighLowOpenClose() {
        let n = 1_000_000
        var bars: [Bar] = []
        bars.reserveCapacity(n)
        for i in 0..<n {
            let mid = 100 + Double(i % 500) / 10
            bars.append(Bar(time: Int64(i) * 60_000, open: mid, high: i == 654_321 ? 999 : mid + 1,
                            low: i == 42 ? 0.5 : mid - 1, close: mid + 0.5, volume: 1))
        }
        let merged = SVGDownsampler.aggregate(bars, cap: HTMLReport.maxChartPoints)
        #expect(merged.count == 1500)
        #expect(merged.map(\.high).max() == 999)
        #expect(merged.map(\.low).min() == 0.5)
        #expect(merged.first?.open == bars.first?.open)
        #expect(merged.last?.close == bars.last?.close)
        #expect(merged.reduce(0) { $0 + $1.volume } == Double(n))
    }

    @Test func millionBarRunRendersABoundedPage() {
        let n = 1_000_000
        var bars: [Bar] = []
        bars.reserveCapacity(n)
        var equity: [EquityPoint] = []
        equity.reserveCapacity(n)
        for i in 0..<n {
            let t = HTMLReportFixture.jan1 + Int64(i) * 60_000
            let price = 30_000 + 2_000 * sin(Double(i) / 20_000)
            bars.append(Bar(time: t, open: price, high: price + 5, low: price - 5, close: price, volume: 1))
            equity.append(EquityPoint(time: t, value: 10_000 * price / 30_000))
        }
        var result = HTMLReportFixture.result
        result.equity = equity
        let html = HTMLReport.render(result, series: [InstrumentSeries(instrument: Instrument(symbol: "BTC/USDT"), bars: bars)])
        #expect(html.utf8.count < 1_000_000)
        #expect(html.contains("Charts show 1,500 of 1,000,000 points"))
        #expect(html.contains("1,000,000 bars merged into buckets of 667"))
        #expect(html.contains("<path class=\"band\""))
    }

    @Test func drawdownIsEquityOverRunningPeakMinusOne() {
        let values: [Double] = [100, 120, 90, 150, 135]
        let curve = values.enumerated().map { EquityPoint(time: Int64($0.offset), value: $0.element) }
        let dd = HTMLReport.drawdownCurve(curve, cap: 100)
        let expected: [Double] = [0, 0, 90.0 / 120 - 1, 0, 135.0 / 150 - 1]
        #expect(dd.map(\.value) == expected)
    }

    @Test func buyAndHoldScalesToInitialEquityAndAveragesSymbols() {
        let a = InstrumentSeries(instrument: Instrument(symbol: "A/USDT"), bars: [
            Bar(time: 0, open: 10, high: 10, low: 10, close: 10, volume: 1),
            Bar(time: 2, open: 20, high: 20, low: 20, close: 20, volume: 1),
        ])
        let b = InstrumentSeries(instrument: Instrument(symbol: "B/USDT"), bars: [
            Bar(time: 0, open: 50, high: 50, low: 50, close: 50, volume: 1),
            Bar(time: 1, open: 25, high: 25, low: 25, close: 25, volume: 1),
        ])
        let single: [SVGPoint] = [SVGPoint(time: 0, value: 1000), SVGPoint(time: 2, value: 2000)]
        #expect(HTMLReport.buyAndHold([a], initial: 1000, cap: 100) == single)
        // Half in each: t1 = 500 * 1 + 500 * 0.5, t2 = 500 * 2 + 500 * 0.5.
        let basket: [SVGPoint] = [SVGPoint(time: 0, value: 1000), SVGPoint(time: 1, value: 750), SVGPoint(time: 2, value: 1250)]
        #expect(HTMLReport.buyAndHold([a, b], initial: 1000, cap: 100) == basket)
    }
}
