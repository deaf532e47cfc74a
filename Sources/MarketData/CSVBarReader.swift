import Foundation
import TradingModel

/// Reads OHLCV bars from CSV text: files with a header row, headerless CCXT rows and Binance klines.
///
/// The header may name the time column `time`, `timestamp`, `date`, `datetime` or `open_time` (or leave the
/// first column unnamed, as pandas does for an index) and the price columns `open`/`high`/`low`/`close`/`volume`
/// or `o`/`h`/`l`/`c`/`v`, in any case and order; other columns are ignored and volume may be absent (0).
/// Times may be ISO-8601 dates or date-times (UTC unless an offset is given) or Unix seconds, milliseconds
/// or microseconds. CRLF, a byte order mark, quoted fields, blank lines and `;` or tab delimiters are handled.
///
/// Parsing is hand-rolled over raw bytes: no `Scanner`, no per-field `String`.
public struct CSVBarReader: Sendable {
    /// A reader with the default column names and time formats.
    public init() {}

    /// Reads the file at `path`; messages name the file by its last path component.
    ///
    /// - Throws: ``MarketDataError`` when the file cannot be read or its layout is not recognised.
    /// - Complexity: O(file size).
    public func read(contentsOfFile path: String) throws(MarketDataError) -> CSVReadResult {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path: path, reason: "\(error.localizedDescription)")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let result = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<CSVReadResult, MarketDataError> in
            Result { () throws(MarketDataError) in try read(bytes: raw, file: name) }
        }
        return try result.get()
    }

    /// Reads CSV text held in memory; `file` names it in messages.
    ///
    /// - Throws: ``MarketDataError`` when the layout is not recognised or there are no rows.
    public func read(string: String, file: String = "<string>") throws(MarketDataError) -> CSVReadResult {
        var text = string
        let result = text.withUTF8 { (buffer: UnsafeBufferPointer<UInt8>) -> Result<CSVReadResult, MarketDataError> in
            Result { () throws(MarketDataError) in try read(bytes: UnsafeRawBufferPointer(buffer), file: file) }
        }
        return try result.get()
    }

    /// Reads raw UTF-8 CSV bytes; `file` names them in messages.
    ///
    /// - Throws: ``MarketDataError`` when the layout is not recognised or there are no rows.
    /// - Complexity: O(n) in the byte count; allocates only the result arrays and problem messages.
    public func read(bytes: UnsafeRawBufferPointer, file: String) throws(MarketDataError) -> CSVReadResult {
        var scanner = CSVRecordScanner(bytes: bytes)
        var first = false
        while scanner.next() {
            if !scanner.isBlank {
                first = true
                break
            }
        }
        guard first else { throw .emptyFile(file: file) }

        let layout: CSVColumnLayout
        let format: CSVFormat
        var pendingFirstRow = false
        if TimeParser.parse(scanner.field(0)) != nil {
            switch scanner.fieldCount {
            case 6: format = .ccxt
            case 12: format = .binanceKline
            default: throw .unrecognizedLayout(file: file, line: scanner.line, fieldCount: scanner.fieldCount)
            }
            layout = .headerless(fieldCount: scanner.fieldCount)
            pendingFirstRow = true
        } else {
            let header = (0..<scanner.fieldCount).map { scanner.text($0) }
            switch CSVColumnLayout.fromHeader(header) {
            case .success(let mapped): layout = mapped
            case .failure(let missing):
                throw .missingColumns(file: file, line: scanner.line, missing: missing.names, header: header)
            }
            format = .header
        }

        let estimate = max(16, bytes.count / 48)
        var bars: [Bar] = []
        bars.reserveCapacity(estimate)
        var lines: [Int] = []
        lines.reserveCapacity(estimate)
        var problems: [ValidationIssue] = []
        let required = layout.requiredFieldCount

        while pendingFirstRow || scanner.next() {
            pendingFirstRow = false
            if scanner.fieldCount < required {
                if scanner.isBlank { continue }
                problems.append(ValidationIssue(
                    severity: .error, kind: .unparsableRow, file: file, line: scanner.line,
                    message: "row has \(scanner.fieldCount) field(s), expected at least \(required)"))
                continue
            }
            let time = TimeParser.parse(scanner.field(layout.time))
            let open = NumberParser.parseDouble(scanner.field(layout.open))
            let high = NumberParser.parseDouble(scanner.field(layout.high))
            let low = NumberParser.parseDouble(scanner.field(layout.low))
            let close = NumberParser.parseDouble(scanner.field(layout.close))
            let volume = layout.volume < 0 ? 0 : NumberParser.parseDouble(scanner.field(layout.volume))
            if let time, let open, let high, let low, let close, let volume {
                bars.append(Bar(time: time, open: open, high: high, low: low, close: close, volume: volume))
                lines.append(scanner.line)
                continue
            }
            if scanner.isBlank { continue }
            reportFields(scanner: scanner, layout: layout, file: file, time: time, values: [
                (layout.open, open), (layout.high, high), (layout.low, low), (layout.close, close),
                (layout.volume, volume),
            ], into: &problems)
        }
        return CSVReadResult(file: file, format: format, bars: bars, lines: lines, problems: problems,
                             hasVolume: layout.volume >= 0)
    }

    private func reportFields(scanner: CSVRecordScanner, layout: CSVColumnLayout, file: String, time: Int64?,
                              values: [(Int, Double?)], into problems: inout [ValidationIssue]) {
        func name(_ index: Int) -> String {
            let header = index < layout.names.count ? layout.names[index] : ""
            return header.isEmpty ? (index == layout.time ? "time" : "column \(index + 1)") : header
        }
        if time == nil {
            problems.append(ValidationIssue(
                severity: .error, kind: .unparsableField, file: file, line: scanner.line,
                message: "\(name(layout.time)) '\(scanner.text(layout.time))' is not a time; expected ISO-8601 "
                    + "(2024-01-02, 2024-01-02T03:04:05Z, +02:00 offsets) or Unix seconds/ms/µs"))
        }
        for (index, value) in values where index >= 0 && value == nil {
            let text = scanner.text(index)
            let what = text.isEmpty ? "is empty" : "'\(text)' is not a number"
            problems.append(ValidationIssue(
                severity: .error, kind: .unparsableField, file: file, line: scanner.line,
                message: "\(name(index)) \(what)"))
        }
    }
}
