import ArgumentParser
import Foundation
import Indicators
import MarketData
import TradingModel

/// `graphwiz data indicators --data FILE --indicator sma:20 --indicator macd:12,26,9 [--format csv|json]`.
struct DataIndicators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Compute indicators (TA-Lib compatible) over a CSV of bars.",
        discussion: "Available: " + IndicatorSpec.available.map(\.example).joined(separator: ", ")
            + ". Output: the time column, then one column per indicator output (sma_20, macd_12_26_9, "
            + "macd_signal_12_26_9, bbands_upper_20_2, ...), empty where undefined."
    )

    @Option(help: "CSV file of bars.")
    var data: String

    @Option(name: .customLong("indicator"), help: "Indicator spec name[:p1,p2,...] (repeatable), e.g. sma:20.")
    var indicators: [String] = []

    @Option(help: "Output format: csv or json.")
    var format = "csv"

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func validate() throws {
        guard !indicators.isEmpty else { throw ValidationError("give at least one --indicator, e.g. --indicator sma:20") }
        guard format == "csv" || format == "json" else { throw ValidationError("--format must be csv or json, got '\(format)'") }
    }

    func run() async throws {
        let text = try render()
        if let out {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        } else {
            print(text, terminator: "")
        }
    }

    /// The table as CSV or JSON text.
    func render() throws -> String {
        var specs: [IndicatorSpec] = []
        for text in indicators {
            do { specs.append(try IndicatorSpec(text)) } catch { throw ValidationError(error.description) }
        }
        let read = try CSVBarReader().read(contentsOfFile: data)
        let report = BarValidator().validate(read)
        guard report.isValid else {
            throw ValidationError("\(data) has \(report.errorCount) error(s):\n"
                + DataArguments.issueLines(report.errors, limit: 10).joined(separator: "\n"))
        }
        let columns = BarColumns(read.bars)
        let computed = specs.flatMap { $0.compute(columns) }
        if format == "json" { return try json(columns.time, computed) }
        var text = "time," + computed.map(\.name).joined(separator: ",") + "\n"
        text.reserveCapacity(columns.count * (computed.count * 20 + 24))
        for i in 0..<columns.count {
            text += UTCTimestamp.iso8601(columns.time[i])
            for column in computed {
                text += ","
                let v = column.values[i]
                if !v.isNaN { text += "\(v)" }
            }
            text += "\n"
        }
        return text
    }

    private func json(_ times: [Int64], _ columns: [IndicatorColumn]) throws -> String {
        var rows: [[String: JSONNumberOrNull]] = []
        rows.reserveCapacity(times.count)
        for i in times.indices {
            var row: [String: JSONNumberOrNull] = ["time": .text(UTCTimestamp.iso8601(times[i]))]
            for c in columns { row[c.name] = c.values[i].isNaN ? .null : .number(c.values[i]) }
            rows.append(row)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
    }
}

/// A JSON cell: a number, a string or null.
enum JSONNumberOrNull: Encodable {
    case number(Double), text(String), null
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .number(v): try c.encode(v)
        case let .text(s): try c.encode(s)
        case .null: try c.encodeNil()
        }
    }
}
