import Testing
import TradingModel
@testable import MarketData

@Suite struct BarValidatorTests {
    static let t0: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
    static let minute: Int64 = 60_000

    static func bar(_ i: Int64, open: Double = 100, high: Double = 101, low: Double = 99, close: Double = 100.5,
                    volume: Double = 1) -> Bar {
        Bar(time: t0 + i * minute, open: open, high: high, low: low, close: close, volume: volume)
    }

    @Test func cleanSeriesHasNoIssuesAndInfersTimeframe() {
        let report = BarValidator().validate((0..<10).map { Self.bar($0) }, file: "ok.csv")
        #expect(report.issues.isEmpty)
        #expect(report.isValid)
        #expect(report.timeframe == .oneMinute)
        #expect(report.timeframeInferred)
        #expect(report.barCount == 10)
        #expect(report.firstTime == Self.t0)
        #expect(report.lastTime == Self.t0 + 9 * Self.minute)
    }

    @Test func reportsHighBelowLowWithFileAndLine() {
        let bars = [Self.bar(0), Self.bar(1, open: 100, high: 99.5, low: 100.2, close: 100)]
        let report = BarValidator().validate(bars, file: "btc.csv", lines: [2, 17])
        #expect(report.issues.map(\.description) == ["btc.csv:17: high 99.5 is below low 100.2"])
        #expect(report.errorCount == 1)
        #expect(!report.isValid)
    }

    @Test func reportsOpenAndCloseOutsideTheRange() {
        let report = BarValidator().validate([Self.bar(0, open: 102, close: 98)], file: "f.csv")
        #expect(report.issues.map(\.description) == [
            "f.csv:1: open 102.0 is outside [low 99.0, high 101.0]",
            "f.csv:1: close 98.0 is outside [low 99.0, high 101.0]",
        ])
    }

    @Test func reportsNonFiniteNegativeAndZeroValues() {
        let report = BarValidator().validate([
            Self.bar(0, open: .nan),
            Self.bar(1, volume: -2),
            Self.bar(2, open: 0, low: 0),
            Self.bar(3, high: .infinity),
        ], file: "f.csv")
        #expect(report.issues.map(\.description) == [
            "f.csv:1: open nan is not a finite number",
            "f.csv:2: volume -2.0 is negative",
            "f.csv:3: open 0.0 is not a positive price",
            "f.csv:3: low 0.0 is not a positive price",
            "f.csv:4: high inf is not a finite number",
        ])
        #expect(report.issues.map(\.kind) == [.nonFinite, .negative, .nonPositivePrice, .nonPositivePrice, .nonFinite])
    }

    @Test func reportsDuplicateAndOutOfOrderTimes() {
        let report = BarValidator(timeframe: .oneMinute).validate(
            [Self.bar(0), Self.bar(1), Self.bar(1), Self.bar(3), Self.bar(2)], file: "f.csv")
        #expect(report.errors.map(\.description) == [
            "f.csv:3: duplicate time 2024-01-01T00:01:00Z (also on line 2)",
            "f.csv:5: time 2024-01-01T00:02:00Z is earlier than 2024-01-01T00:03:00Z on line 4; "
                + "rows must be in ascending time order",
        ])
    }

    @Test func countsGapsAndMissingBarsAsWarnings() {
        let bars = [0, 1, 2, 5, 6, 7, 8, 9, 20].map { Self.bar(Int64($0)) }
        let report = BarValidator().validate(bars, file: "g.csv")
        #expect(report.isValid)
        #expect(report.gapCount == 2)
        #expect(report.missingBars == 12)
        #expect(report.firstGaps == [
            BarGap(after: Self.t0 + 2 * Self.minute, before: Self.t0 + 5 * Self.minute, missingBars: 2, line: 4),
            BarGap(after: Self.t0 + 9 * Self.minute, before: Self.t0 + 20 * Self.minute, missingBars: 10, line: 9),
        ])
        #expect(report.warnings.map(\.description) == [
            "g.csv:4: gap of 2 missing 1m bars between 2024-01-01T00:02:00Z and 2024-01-01T00:05:00Z",
            "g.csv:9: gap of 10 missing 1m bars between 2024-01-01T00:09:00Z and 2024-01-01T00:20:00Z",
        ])
    }

    @Test func listsOnlyTheFirstGapsButCountsAll() {
        let bars = (0..<10).map { Self.bar(Int64($0) * 2) } + [Self.bar(19)]
        let report = BarValidator(timeframe: .oneMinute, maxListedGaps: 3).validate(bars, file: "g.csv")
        #expect(report.gapCount == 9)
        #expect(report.missingBars == 9)
        #expect(report.firstGaps.count == 3)
        #expect(report.warnings.count == 4)
        #expect(report.warnings.last?.description == "g.csv: 9 gaps with 9 missing bars in total (first 3 listed)")
        #expect(!report.timeframeInferred)
    }

    @Test func warnsAboutSpacingThatIsNotAMultipleOfTheTimeframe() {
        let bars = [Self.bar(0), Bar(time: Self.t0 + 90_000, open: 100, high: 101, low: 99, close: 100, volume: 1)]
        let report = BarValidator(timeframe: .oneMinute).validate(bars, file: "s.csv")
        #expect(report.warnings.map(\.description) == [
            "s.csv:2: spacing of 90s after 2024-01-01T00:00:00Z is not a multiple of the timeframe 1m",
        ])
    }

    @Test func infersTheMostCommonSpacing() {
        let hour: Int64 = 3_600_000
        let times: [Int64] = [0, 1, 2, 3, 5, 6, 7, 9].map { $0 * hour }
        let bars = times.map { Bar(time: Self.t0 + $0, open: 1, high: 1, low: 1, close: 1, volume: 0) }
        #expect(BarValidator.inferTimeframe(bars) == .oneHour)
        #expect(BarValidator.inferTimeframe([]) == nil)
    }

    @Test func mergesReaderProblemsInLineOrder() throws {
        let result = try CSVBarReader().read(string: """
            time,open,high,low,close
            2024-01-01T00:00:00Z,100,99,101,100
            2024-01-01T00:01:00Z,x,101,99,100
            2024-01-01T00:02:00Z,100,101,99,100
            """, file: "m.csv")
        let report = BarValidator().validate(result)
        #expect(report.issues.map(\.description) == [
            "m.csv:2: high 99.0 is below low 101.0",
            "m.csv:3: open 'x' is not a number",
        ])
        #expect(report.summary == "m.csv: 2 bars, 2m (inferred), 2024-01-01T00:00:00Z to 2024-01-01T00:02:00Z, "
            + "2 errors, 0 warnings, 0 gaps (0 missing bars)")
    }
}
