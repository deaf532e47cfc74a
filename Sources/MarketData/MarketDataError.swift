/// A failure that stops reading, writing or transforming a whole market data file.
///
/// Row-level problems never throw; they are collected as ``ValidationIssue``s instead.
public enum MarketDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// The file could not be written.
    case unwritableFile(path: String, reason: String)
    /// The file holds no data rows at all.
    case emptyFile(file: String)
    /// The header names no usable time or price column.
    case missingColumns(file: String, line: Int, missing: [String], header: [String])
    /// A headerless file whose rows are neither CCXT (6 columns) nor Binance klines (12 columns).
    case unrecognizedLayout(file: String, line: Int, fieldCount: Int)
    /// A parameter outside its allowed range.
    case invalidParameter(name: String, value: String, expected: String)

    /// The message, naming the file (and line) and what was expected.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the file: \(reason)"
        case let .unwritableFile(path, reason):
            return "\(path): cannot write the file: \(reason)"
        case let .emptyFile(file):
            return "\(file): no data rows; expected a CSV header and OHLCV rows, or headerless CCXT/Binance rows"
        case let .missingColumns(file, line, missing, header):
            return "\(file):\(line): header lacks column(s) \(missing.joined(separator: ", ")) "
                + "(found: \(header.map { $0.isEmpty ? "<unnamed>" : $0 }.joined(separator: ", "))); expected a time "
                + "column (time, timestamp, date, datetime, open_time or an unnamed first column) and "
                + "open, high, low, close and optionally volume (o, h, l, c, v also accepted)"
        case let .unrecognizedLayout(file, line, fieldCount):
            return "\(file):\(line): headerless row has \(fieldCount) fields; expected 6 (CCXT: time, open, high, "
                + "low, close, volume) or 12 (Binance kline), or a header row naming the columns"
        case let .invalidParameter(name, value, expected):
            return "\(name) is \(value); expected \(expected)"
        }
    }
}
