import Logging

/// Minimal JSON writing for log lines: escaped strings and metadata values, keys sorted.
enum JSONText {
    /// Appends `text` as a JSON string literal.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Appends `metadata` as a JSON object with sorted keys.
    static func appendMetadata(_ metadata: Logger.Metadata, to out: inout String) {
        out += "{"
        var first = true
        for key in metadata.keys.sorted() {
            if !first { out += "," }
            first = false
            appendString(key, to: &out)
            out += ":"
            appendValue(metadata[key] ?? .string(""), to: &out)
        }
        out += "}"
    }

    /// Appends one metadata value: strings (and string-convertibles) as strings, dictionaries as objects,
    /// arrays as arrays.
    static func appendValue(_ value: Logger.MetadataValue, to out: inout String) {
        switch value {
        case let .string(text):
            appendString(text, to: &out)
        case let .stringConvertible(convertible):
            appendString(convertible.description, to: &out)
        case let .dictionary(nested):
            appendMetadata(nested, to: &out)
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                appendValue(item, to: &out)
            }
            out += "]"
        }
    }
}
