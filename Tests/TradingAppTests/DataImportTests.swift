import ArgumentParser
import Foundation
import MarketData
import Persistence
import Testing
import TradingModel
@testable import TradingApp

/// A fresh temporary directory for command tests.
struct DataTestDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-cli-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Parses `arguments` as the `graphwiz` command line and returns the command as `C`.
    static func parse<C>(_ arguments: [String], as type: C.Type) throws -> C {
        let command = try GraphwizCommand.parseAsRoot(arguments)
        guard let typed = command as? C else { throw ValidationError("parsed \(Swift.type(of: command)), not \(C.self)") }
        return typed
    }

    static func storedBars(_ db: String, symbol: String, timeframe: Timeframe) async throws -> [Bar] {
        try await SQLStore.withStore(path: db) { try await BarStore(store: $0).bars(symbol: symbol, timeframe: timeframe) }
    }
}

@Suite struct DataImportTests {
    static let header = "time,open,high,low,close,volume\n"

    @Test func importsAValidFileAndReportsCounts() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("btc.csv", Self.header + """
            2024-01-01T00:00:00Z,100,110,90,105,1
            2024-01-01T00:01:00Z,105,106,104,104.5,2

            """)
        let db = dir.path("db/graphwiz.sqlite")
        let command = try DataTestDirectory.parse(["data", "import", file, "--symbol", "BTC/USDT", "--timeframe", "1m",
                                                   "--db", db], as: DataImport.self)
        let output = try await command.perform()
        #expect(output.exitCode == 0)
        #expect(output.text == """
            Read btc.csv: 2 bars, 1m, 2024-01-01T00:00:00Z to 2024-01-01T00:01:00Z, 0 errors, 0 warnings, 0 gaps \
            (0 missing bars) [CSV with header]
            Stored BTC/USDT 1m in \(db): 2 new, 0 updated.

            """)
        #expect(try await DataTestDirectory.storedBars(db, symbol: "BTC/USDT", timeframe: .oneMinute).map(\.close) == [105, 104.5])
        let again = try await command.perform()
        #expect(again.text.hasSuffix("Stored BTC/USDT 1m in \(db): 0 new, 2 updated.\n"))
    }

    @Test func refusesFilesWithErrorsAndStoresNothing() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("bad.csv", Self.header + """
            2024-01-01T00:00:00Z,100,99.5,100.2,100,1
            2024-01-01T00:01:00Z,100,x,99,100,1

            """)
        let db = dir.path("graphwiz.sqlite")
        let output = try await DataTestDirectory.parse(["data", "import", file, "--symbol", "BTC/USDT", "--timeframe", "1m",
                                                        "--db", db], as: DataImport.self).perform()
        #expect(output.exitCode == 1)
        #expect(output.text.contains("Refused: 2 errors; nothing was stored.\n"))
        #expect(output.text.contains("  error: bad.csv:2: high 99.5 is below low 100.2\n"))
        #expect(output.text.contains("  error: bad.csv:3: high 'x' is not a number\n"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func refusesGapsUnlessAllowed() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("gap.csv", Self.header + """
            2024-01-01T00:00:00Z,100,101,99,100,1
            2024-01-01T00:01:00Z,100,101,99,100,1
            2024-01-01T00:04:00Z,100,101,99,100,1

            """)
        let db = dir.path("graphwiz.sqlite")
        let arguments = ["data", "import", file, "--symbol", "BTC/USDT", "--timeframe", "1m", "--db", db]
        let refused = try await DataTestDirectory.parse(arguments, as: DataImport.self).perform()
        #expect(refused.exitCode == 1)
        #expect(refused.text.contains("Refused: 1 gap (2 missing 1m bars) or irregular spacing; nothing was stored."))
        #expect(!FileManager.default.fileExists(atPath: db))

        let allowed = try await DataTestDirectory.parse(arguments + ["--allow-gaps"], as: DataImport.self).perform()
        #expect(allowed.exitCode == 0)
        #expect(allowed.text.hasSuffix("""
            Stored BTC/USDT 1m in \(db): 3 new, 0 updated.
            Warnings (1 gaps, 2 missing bars):
              warning: gap.csv:4: gap of 2 missing 1m bars between 2024-01-01T00:01:00Z and 2024-01-01T00:04:00Z

            """))
    }

    @Test func rejectsAnUnknownTimeframeWhileParsing() {
        #expect(throws: (any Error).self) {
            try GraphwizCommand.parseAsRoot(["data", "import", "f.csv", "--symbol", "X", "--timeframe", "7x"])
        }
    }

    @Test func unreadableFilesFailWithTheFileName() async throws {
        let command = try DataTestDirectory.parse(["data", "import", "/nonexistent/x.csv", "--symbol", "X",
                                                   "--timeframe", "1m"], as: DataImport.self)
        await #expect {
            try await command.perform()
        } throws: { error in
            "\(error)".hasPrefix("/nonexistent/x.csv: cannot read the file")
        }
    }
}
