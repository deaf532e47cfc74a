import Foundation
import Testing
import TradingModel
@testable import MarketData

@Suite struct CSVBarReaderTests {
    let reader = CSVBarReader()

    @Test func readsHeaderFileWithIsoTimes() throws {
        let result = try reader.read(string: """
            time,open,high,low,close,volume
            2024-01-01T00:00:00Z,100,110,90,105,12.5
            2024-01-01T00:01:00Z,105,106,104,104.5,3
            """, file: "btc.csv")
        #expect(result.format == .header)
        #expect(result.bars == [
            Bar(time: 1_704_067_200_000, open: 100, high: 110, low: 90, close: 105, volume: 12.5),
            Bar(time: 1_704_067_260_000, open: 105, high: 106, low: 104, close: 104.5, volume: 3),
        ])
        #expect(result.lines == [2, 3])
        #expect(result.problems.isEmpty)
        #expect(result.hasVolume)
    }

    @Test func acceptsColumnsInAnyCaseAndOrderWithExtraColumns() throws {
        let result = try reader.read(string: """
            Volume,Close,Symbol,Low,High,Open,Timestamp
            7,105,BTC,90,110,100,1704067200000
            """)
        #expect(result.bars == [Bar(time: 1_704_067_200_000, open: 100, high: 110, low: 90, close: 105, volume: 7)])
    }

    @Test func acceptsShortNamesAndMissingVolume() throws {
        let result = try reader.read(string: "t,o,h,l,c\n1704067200,1,2,0.5,1.5\n")
        #expect(result.bars == [Bar(time: 1_704_067_200_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 0)])
        #expect(!result.hasVolume)
    }

    @Test func usesUnnamedFirstColumnAsPandasIndexTime() throws {
        let result = try reader.read(string: ",open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,9\n")
        #expect(result.bars.map(\.time) == [1_704_153_600_000])
    }

    @Test func prefersNamedTimeColumnOverUnnamedRowNumber() throws {
        let result = try reader.read(string: ",date,open,high,low,close\n0,2024-01-02,1,2,0.5,1.5\n")
        #expect(result.bars.map(\.time) == [1_704_153_600_000])
    }

    @Test func readsHeaderlessCcxtRows() throws {
        let result = try reader.read(string: "1704067200000,100,110,90,105,12\n1704067260000,105,106,104,104.5,3\n")
        #expect(result.format == .ccxt)
        #expect(result.bars.count == 2)
        #expect(result.bars[1] == Bar(time: 1_704_067_260_000, open: 105, high: 106, low: 104, close: 104.5, volume: 3))
        #expect(result.lines == [1, 2])
    }

    @Test func readsBinanceKlinesWithMicrosecondTimes() throws {
        let row = "1704067200000000,42283.58,42554.57,42261.02,42475.23,1271.68108,1704070799999999,"
            + "53957248.973789,47134,682.57581,28957416.819645,0"
        let result = try reader.read(string: row + "\n")
        #expect(result.format == .binanceKline)
        #expect(result.bars == [Bar(time: 1_704_067_200_000, open: 42283.58, high: 42554.57, low: 42261.02,
                                    close: 42475.23, volume: 1271.68108)])
    }

    @Test func handlesBomCrlfQuotesAndBlankLines() throws {
        let text = "\u{FEFF}\"time\",\"open\",\"high\",\"low\",\"close\",\"volume\"\r\n\r\n"
            + "\"2024-01-01 00:00:00\",\"100\", 110 ,90,105,\"1\"\r\n\r\n,,,,,\r\n"
            + "\"2024-01-01 00:01:00\",105,106,104,104.5,2\r\n"
        let result = try reader.read(string: text)
        #expect(result.bars.map(\.close) == [105, 104.5])
        #expect(result.bars.map(\.high) == [110, 106])
        #expect(result.lines == [3, 6])
        #expect(result.problems.isEmpty)
    }

    @Test func quotedDelimitersStayInsideTheirField() throws {
        let result = try reader.read(string: "time,note,open,high,low,close\n2024-01-01,\"a, b\",1,2,0.5,1.5\n")
        #expect(result.bars.map(\.open) == [1])
    }

    @Test func lineNumbersCountLineBreaksInsideQuotedFields() throws {
        let result = try reader.read(string: "time,note,open,high,low,close\n2024-01-01,\"two\nlines\",1,2,0.5,1.5\n"
            + "2024-01-02,x,1,2,0.5,oops\n", file: "q.csv")
        #expect(result.lines == [2])
        #expect(result.problems.map(\.description) == ["q.csv:4: close 'oops' is not a number"])
    }

    @Test func detectsSemicolonDelimiter() throws {
        let result = try reader.read(string: "time;open;high;low;close;volume\n2024-01-01;1;2;0.5;1.5;3\n")
        #expect(result.bars.map(\.volume) == [3])
    }

    @Test func reportsUnparsableFieldsWithColumnTextAndLine() throws {
        let result = try reader.read(string: """
            time,open,high,low,close,volume
            2024-01-01T00:00:00Z,100,110,90,105,1
            2024-01-01T00:01:00Z,100,abc,90,105,1
            someday,100,110,90,105,
            2024-01-01T00:03:00Z,100
            """, file: "btc.csv")
        #expect(result.bars.count == 1)
        #expect(result.problems.map(\.description) == [
            "btc.csv:3: high 'abc' is not a number",
            "btc.csv:4: time 'someday' is not a time; expected ISO-8601 (2024-01-02, 2024-01-02T03:04:05Z, "
                + "+02:00 offsets) or Unix seconds/ms/µs",
            "btc.csv:4: volume is empty",
            "btc.csv:5: row has 2 field(s), expected at least 6",
        ])
        #expect(result.problems.allSatisfy { $0.severity == .error })
    }

    @Test func keepsNanValuesForTheValidatorToReport() throws {
        let result = try reader.read(string: "time,open,high,low,close\n2024-01-01,nan,2,1,1.5\n")
        #expect(result.bars.count == 1)
        #expect(result.bars[0].open.isNaN)
    }

    @Test func throwsNamingMissingColumns() {
        #expect(throws: MarketDataError.missingColumns(file: "x.csv", line: 1, missing: ["low", "close"],
                                                        header: ["date", "open", "high", "price"])) {
            try reader.read(string: "date,open,high,price\n2024-01-01,1,2,3\n", file: "x.csv")
        }
    }

    @Test func throwsOnHeaderlessRowsOfUnknownWidth() {
        #expect(throws: MarketDataError.unrecognizedLayout(file: "x.csv", line: 2, fieldCount: 4)) {
            try reader.read(string: "\n1704067200000,1,2,3\n", file: "x.csv")
        }
    }

    @Test func throwsOnEmptyInput() {
        #expect(throws: MarketDataError.emptyFile(file: "e.csv")) {
            try reader.read(string: "\n \n", file: "e.csv")
        }
    }

    @Test func readsFilesAndNamesThemByLastPathComponent() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("md-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("eth.csv").path
        try "time,open,high,low,close\n2024-01-01,1,2,0.5,x\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try reader.read(contentsOfFile: path)
        #expect(result.problems.map(\.description) == ["eth.csv:2: close 'x' is not a number"])
    }

    @Test func throwsForMissingFile() {
        #expect(throws: MarketDataError.self) { try reader.read(contentsOfFile: "/nonexistent/dir/file.csv") }
    }
}
