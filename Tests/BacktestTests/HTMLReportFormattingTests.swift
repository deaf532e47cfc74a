import Testing
@testable import Backtest
import TradingModel

@Suite struct HTMLReportFormattingTests {
    @Test func monthlyReturnsCompoundMonthEndsFromInitialEquity() {
        let table = HTMLMonthlyReturns(HTMLReportFixture.equity, initialEquity: 10_000)
        #expect(table.years.map(\.year) == [2024, 2025])
        let y2024 = table.years[0].months
        #expect(abs(y2024[0]! - -0.05) < 1e-12)
        #expect(abs(y2024[1]! - 0.10) < 1e-12)
        #expect(abs(y2024[2]! - -0.02) < 1e-12)
        #expect(y2024[3...].allSatisfy { $0 == nil })
        #expect(abs(table.years[0].total - 0.0241) < 1e-12)
        #expect(abs(table.years[1].months[0]! - 0.10) < 1e-12)
        #expect(abs(table.years[1].total - 0.10) < 1e-12)
    }

    @Test func calendarConvertsUnixMillisecondsToUTCDates() {
        #expect(HTMLCalendar.civil(0) == HTMLCalendar.Civil(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0))
        #expect(HTMLCalendar.civil(1_709_208_000_000) == HTMLCalendar.Civil(year: 2024, month: 2, day: 29, hour: 12, minute: 0, second: 0))
        #expect(HTMLCalendar.civil(-1) == HTMLCalendar.Civil(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59))
        #expect(HTMLCalendar.startOfMonth(year: 2024, month: 13) == 1_735_689_600_000)   // 2025-01-01
        #expect(HTMLCalendar.startOfMonth(year: 2024, month: 3) == 1_709_251_200_000)
    }

    @Test func numbersPercentagesAndDurationsReadNaturally() {
        #expect(HTMLFormat.number(-1_234_567.891) == "-1,234,567.89")
        #expect(HTMLFormat.number(999.7, digits: 0) == "1,000")
        #expect(HTMLFormat.percent(0.123456) == "12.35%")
        #expect(HTMLFormat.percent(0.123456, signed: true) == "+12.35%")
        #expect(HTMLFormat.percent(-0.00001, signed: true) == "0.00%")
        #expect(HTMLFormat.percent(.nan) == "—")
        #expect(HTMLFormat.exact(Fixed("-1234567.125")!) == "-1,234,567.125")
        #expect(HTMLFormat.duration(seconds: 93_784) == "1d 2h")
        #expect(HTMLFormat.duration(seconds: 3_720) == "1h 2m")
        #expect(HTMLFormat.duration(seconds: 45) == "45s")
        #expect(HTMLFormat.dateTime(1_709_208_005_000) == "2024-02-29 12:00:05")
    }

    @Test func valueAxisUsesRoundSteps() {
        let axis = SVGAxis.valueTicks(low: 3, high: 97, target: 5)
        #expect(axis.ticks.map(\.value) == [0, 20, 40, 60, 80, 100])
        #expect(axis.ticks.map(\.label) == ["0", "20", "40", "60", "80", "100"])
        #expect(axis.low == 0 && axis.high == 100)
        #expect(SVGAxis.niceStep(0.7) == 1)
        #expect(SVGAxis.niceStep(2.2) == 2.5)
        #expect(SVGAxis.valueTicks(low: 0.1, high: 1.0, target: 4).ticks.map(\.label) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func timeAxisAlignsToCalendarMonthsAndDays() {
        let ticks = SVGAxis.timeTicks(from: 1_704_067_200_000, to: 1_735_603_200_000)   // 2024-01-01 ... 2024-12-31
        #expect(ticks.map(\.label) == ["2024-01", "2024-03", "2024-05", "2024-07", "2024-09", "2024-11"])
        let days = SVGAxis.timeTicks(from: 1_704_067_200_000 + 3_600_000, to: 1_704_067_200_000 + 5 * 86_400_000)
        #expect(days.map(\.label) == ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"])
        let hours = SVGAxis.timeTicks(from: 1_704_067_200_000, to: 1_704_067_200_000 + 6 * 3_600_000)
        #expect(hours.map(\.label) == ["00:00", "01:00", "02:00", "03:00", "04:00", "05:00", "06:00"])
    }

    @Test func pathNumbersAreRoundedToTenths() {
        #expect(SVGPathBuilder.number(12.345) == "12.3")
        #expect(SVGPathBuilder.number(-4.96) == "-5")
        #expect(SVGPathBuilder.number(0.05) == "0.1")
        var path = SVGPathBuilder()
        path.move(1, 2.25)
        path.line(3.5, 4)
        path.close()
        #expect(path.data == "M1,2.3L3.5,4Z")
    }
}
