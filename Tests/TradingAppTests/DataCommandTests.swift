import ArgumentParser
import Foundation
import MarketData
import Testing
import TradingModel
@testable import TradingApp

@Suite struct DataCommandTests {
    @Test func dataGroupListsItsSubcommands() {
        let names = DataCommand.configuration.subcommands.map { $0.configuration.commandName }
        #expect(names == ["import", "list", "validate", "generate", "resample", "indicators", "download"])
        #expect(GraphwizCommand.configuration.subcommands.map { $0.configuration.commandName }.contains("data"))
    }

    @Test func generateWritesACsvThatValidatesAndStores() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let out = dir.path("gen/btc.csv")
        let db = dir.path("graphwiz.sqlite")
        let output = try await DataTestDirectory.parse([
            "data", "generate", "--symbol", "BTC/USDT", "--timeframe", "1h", "--bars", "48", "--seed", "7",
            "--out", out, "--store", "--db", db,
        ], as: DataGenerate.self).perform()
        #expect(output.text == """
            Generated 48 1h bars (seed 7) from 2024-01-01T00:00:00Z to 2024-01-02T23:00:00Z.
            Wrote \(out).
            Stored BTC/USDT 1h in \(db): 48 new, 0 updated.

            """)
        var generator = try SyntheticBarGenerator(seed: 7, timeframe: .oneHour)
        let expected = generator.generate(count: 48)
        #expect(try CSVBarReader().read(contentsOfFile: out).bars == expected)
        #expect(try await DataTestDirectory.storedBars(db, symbol: "BTC/USDT", timeframe: .oneHour) == expected)

        let validation = try await DataTestDirectory.parse(["data", "validate", out], as: DataValidate.self).perform()
        #expect(validation.exitCode == 0)
        #expect(validation.text.hasSuffix("OK: no errors.\n"))
    }

    @Test func generateNeedsAnOutputOrTheStore() {
        #expect(throws: (any Error).self) {
            try GraphwizCommand.parseAsRoot(["data", "generate", "--bars", "10"])
        }
    }

    @Test func validateExitsWithOneOnErrors() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("v.csv", "time,open,high,low,close\n2024-01-01,1,2,0.5,3\n2024-01-01,1,2,0.5,1\n")
        let output = try await DataTestDirectory.parse(["data", "validate", file, "--timeframe", "1d"],
                                                       as: DataValidate.self).perform()
        #expect(output.exitCode == 1)
        #expect(output.text == """
            v.csv: 2 bars, 1d, 2024-01-01T00:00:00Z to 2024-01-01T00:00:00Z, 2 errors, 0 warnings, 0 gaps (0 missing bars) \
            [CSV with header]
              error: v.csv:2: close 3.0 is outside [low 0.5, high 2.0]
              error: v.csv:3: duplicate time 2024-01-01T00:00:00Z (also on line 2)
            FAILED: 2 errors.

            """)
    }

    @Test func resampleWritesHigherTimeframeBars() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        var generator = try SyntheticBarGenerator(seed: 2)
        let bars = generator.generate(count: 150)
        let input = dir.path("m1.csv")
        try CSVBarWriter().write(bars, toFile: input)
        let out = dir.path("h1.csv")
        let output = try await DataTestDirectory.parse(["data", "resample", "--data", input, "--to", "1h", "--out", out],
                                                       as: DataResample.self).perform()
        #expect(output.text == "Resampled 150 1m bars into 2 1h bars; wrote \(out).\n")
        let expected = try Resampler(base: .oneMinute, target: .oneHour).resample(bars).bars
        #expect(try CSVBarReader().read(contentsOfFile: out).bars == expected)
    }

    @Test func listShowsStoredSeriesAsATable() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let empty = try await DataTestDirectory.parse(["data", "list", "--db", db], as: DataList.self).perform()
        #expect(empty.text.hasPrefix("No database at \(db)."))
        _ = try await DataTestDirectory.parse(["data", "generate", "--symbol", "ETH/USDT", "--timeframe", "1d", "--bars", "3",
                                               "--store", "--db", db], as: DataGenerate.self).perform()
        let listed = try await DataTestDirectory.parse(["data", "list", "--db", db], as: DataList.self).perform()
        #expect(listed.text == """
            SYMBOL    TIMEFRAME  BARS  FIRST                 LAST                  SOURCE
            ETH/USDT  1d         3     2024-01-01T00:00:00Z  2024-01-03T00:00:00Z  synthetic seed 1

            """)
    }
}
