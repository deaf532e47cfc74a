import Foundation
import TradingModel

/// A failure to read a fixture, naming the file, line and field.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
}

/// One fixture input (`<name>.csv`) with its TA-Lib reference columns (`<name>_talib.csv`).
struct Fixture: Sendable {
    let name: String
    let bars: [Bar]
    let columns: BarColumns
    /// TA-Lib output columns by name, in file order.
    let referenceNames: [String]
    let reference: [String: [Double]]

    /// Datasets written by scripts/talib_reference.py.
    static let datasetNames = ["btcusd_real", "generated"]

    static let btcusdReal = Result { try Fixture(name: "btcusd_real") }
    static let generated = Result { try Fixture(name: "generated") }

    static func named(_ name: String) throws -> Fixture {
        switch name {
        case "btcusd_real": return try btcusdReal.get()
        case "generated": return try generated.get()
        default: throw FixtureError(description: "no fixture dataset '\(name)'; expected one of \(datasetNames)")
        }
    }

    /// IndicatorSpec strings whose columns the reference CSVs hold (Fixtures/talib_specs.txt).
    static func referenceSpecs() throws -> [String] {
        try text(of: "talib_specs.txt").split(separator: "\n")
            .map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    private init(name: String) throws {
        self.name = name
        let inputFile = name + ".csv"
        let input = try Fixture.table(inputFile)
        guard input.header == ["time", "open", "high", "low", "close", "volume"] else {
            throw FixtureError(description: "\(inputFile):1: header \(input.header), expected time,open,high,low,close,volume")
        }
        var bars: [Bar] = []
        for (row, fields) in input.rows.enumerated() {
            let line = row + 2
            guard let time = Int64(fields[0]) else {
                throw FixtureError(description: "\(inputFile):\(line): field time '\(fields[0])' is not an integer Unix ms")
            }
            var prices: [Double] = []
            for (column, field) in fields.enumerated().dropFirst() {
                guard let value = Double(field), value.isFinite else {
                    throw FixtureError(description: "\(inputFile):\(line): field \(input.header[column]) '\(field)' is not a finite number")
                }
                prices.append(value)
            }
            bars.append(Bar(time: time, open: prices[0], high: prices[1], low: prices[2], close: prices[3], volume: prices[4]))
        }
        self.bars = bars
        columns = BarColumns(bars)

        let referenceFile = name + "_talib.csv"
        let table = try Fixture.table(referenceFile)
        guard table.rows.count == bars.count else {
            throw FixtureError(description: "\(referenceFile): \(table.rows.count) rows, expected \(bars.count) (one per input bar)")
        }
        var reference: [String: [Double]] = [:]
        for (column, header) in table.header.enumerated() {
            var values: [Double] = []
            values.reserveCapacity(table.rows.count)
            for (row, fields) in table.rows.enumerated() {
                let field = fields[column]
                if field.isEmpty {
                    values.append(.nan)
                } else if let value = Double(field) {
                    values.append(value)
                } else {
                    throw FixtureError(description: "\(referenceFile):\(row + 2): field \(header) '\(field)' is neither empty nor a number")
                }
            }
            reference[header] = values
        }
        referenceNames = table.header
        self.reference = reference
    }

    private static func table(_ file: String) throws -> (header: [String], rows: [[String]]) {
        let lines = try text(of: file).split(separator: "\n", omittingEmptySubsequences: true)
        guard let first = lines.first else { throw FixtureError(description: "\(file): empty file, expected a header line") }
        let header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [[String]] = []
        rows.reserveCapacity(lines.count - 1)
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw FixtureError(description: "\(file):\(index + 2): \(fields.count) fields, expected \(header.count)")
            }
            rows.append(fields)
        }
        return (header, rows)
    }

    private static func text(of file: String) throws -> String {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError(description: "Fixtures directory is missing from the test bundle (expected .copy(\"Fixtures\"))")
        }
        let url = directory.appendingPathComponent(file)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw FixtureError(description: "\(url.path): cannot read (\(error)); run scripts/talib_reference.py")
        }
    }
}
