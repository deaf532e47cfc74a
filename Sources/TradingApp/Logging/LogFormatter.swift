import GraphwizConfig
import Logging

/// Turns a ``LogRecord`` into one line (without the newline): a JSON object or human-readable text.
///
/// JSON: `{"timestamp":"2026-11-25T01:22:32.123Z","level":"info","logger":"graphwiz.kernel","message":"...",
/// "metadata":{"symbol":"BTC/USDT"}}` with metadata keys sorted. Text:
/// `2026-11-25T01:22:32.123Z info [graphwiz.kernel] message symbol=BTC/USDT`.
public struct LogFormatter: Sendable {
    /// The line format.
    public var format: LogFormat

    /// A formatter for `format`.
    public init(format: LogFormat) {
        self.format = format
    }

    /// The line for `record`.
    public func line(_ record: LogRecord) -> String {
        switch format {
        case .json: return json(record)
        case .text: return text(record)
        }
    }

    private func json(_ record: LogRecord) -> String {
        var out = "{\"timestamp\":\""
        out += LogTimestamp.iso8601(milliseconds: record.timestamp)
        out += "\",\"level\":\""
        out += record.level.rawValue
        out += "\",\"logger\":"
        JSONText.appendString(record.label, to: &out)
        out += ",\"message\":"
        JSONText.appendString(record.message, to: &out)
        out += ",\"metadata\":"
        JSONText.appendMetadata(record.metadata, to: &out)
        out += "}"
        return out
    }

    private func text(_ record: LogRecord) -> String {
        var out = LogTimestamp.iso8601(milliseconds: record.timestamp)
        out += " \(record.level.rawValue) [\(record.label)] "
        out += record.message.replacingOccurrences(of: "\n", with: "\\n")
        for key in record.metadata.keys.sorted() {
            out += " \(key)="
            out += Self.textValue(record.metadata[key] ?? .string(""))
        }
        return out
    }

    private static func textValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case let .string(text):
            return quotedIfNeeded(text)
        case let .stringConvertible(convertible):
            return quotedIfNeeded(convertible.description)
        case .dictionary, .array:
            var out = ""
            JSONText.appendValue(value, to: &out)
            return out
        }
    }

    private static func quotedIfNeeded(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        if plain { return text }
        var out = ""
        JSONText.appendString(text, to: &out)
        return out
    }
}
