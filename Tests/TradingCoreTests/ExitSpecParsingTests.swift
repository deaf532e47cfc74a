import Testing
import TradingCore

@Suite struct ExitSpecParsingTests {
    @Test(arguments: [
        ("2%", ExitDistance.percent(0.02)), (" 2.5 % ", .percent(0.025)), ("3atr", .atr(3)), ("1.5ATR", .atr(1.5)),
        ("61000", .price(61_000)), ("0.5", .price(0.5)),
    ])
    func distancesParse(text: String, expected: ExitDistance) throws {
        #expect(try ExitDistance(parsing: text, key: "--stop-loss") == expected)
    }

    @Test(arguments: ["", "abc", "-2%", "0%", "100%", "atr", "0atr", "nan"])
    func badDistancesNameTheKeyAndTheText(text: String) {
        #expect(throws: ExitSpecError.self) { try ExitDistance(parsing: text, key: "--stop-loss") }
        do { _ = try ExitDistance(parsing: text, key: "--stop-loss") } catch {
            #expect(error.description.hasPrefix("--stop-loss must be "))
            #expect(error.description.hasSuffix(", got '\(text)'"))
        }
    }

    @Test func distancesPrintAsTheyAreWritten() {
        #expect(ExitDistance.percent(0.02).description == "2%")
        #expect(ExitDistance.atr(1.5).description == "1.5atr")
        #expect(ExitDistance.price(61_000).description == "61000")
    }

    @Test(arguments: [
        ("48", TimeStop.bars(48)), ("1", .bars(1)), ("48h", .duration(172_800_000)), ("2d", .duration(172_800_000)),
        ("90s", .duration(90_000)), ("30m", .duration(1_800_000)),
    ])
    func timeStopsParse(text: String, expected: TimeStop) throws {
        #expect(try TimeStop(parsing: text, key: "--time-stop") == expected)
    }

    @Test(arguments: ["0", "-3", "soon", "h"])
    func badTimeStopsAreRefused(text: String) {
        #expect(throws: ExitSpecError.self) { try TimeStop(parsing: text, key: "--time-stop") }
    }

    @Test func durationsPrintInTheirLargestWholeUnit() {
        #expect(RiskDuration.text(4 * 3_600_000) == "4h")
        #expect(RiskDuration.text(90 * 60_000) == "90m")
        #expect(RiskDuration.text(2 * 86_400_000) == "2d")
        #expect(RiskDuration.text(1_500) == "1500ms")
    }
}
