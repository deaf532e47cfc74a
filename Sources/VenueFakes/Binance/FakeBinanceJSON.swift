import TradingModel

/// A tiny JSON value for the fake venues' answers, rendered with keys in the order given (as the real venues do).
public indirect enum FakeBinanceJSON: Sendable, Hashable {
    case string(String)
    /// A number written exactly as given.
    case number(String)
    case bool(Bool)
    case null
    case array([FakeBinanceJSON])
    case object([FakeBinanceJSONField])

    /// An integer.
    public static func int(_ value: Int64) -> FakeBinanceJSON { .number(String(value)) }
    /// An integer.
    public static func int(_ value: Int) -> FakeBinanceJSON { .number(String(value)) }
    /// A decimal as Binance writes it: a string with 8 fractional digits (`"0.10000000"`).
    public static func decimal(_ value: Fixed) -> FakeBinanceJSON { .string(FakeBinanceJSON.padded(value)) }

    /// An object from ordered pairs.
    public static func obj(_ fields: [(String, FakeBinanceJSON)]) -> FakeBinanceJSON {
        .object(fields.map { FakeBinanceJSONField(name: $0.0, value: $0.1) })
    }

    /// `value` with exactly 8 fractional digits.
    public static func padded(_ value: Fixed) -> String {
        let negative = value.raw < 0
        let magnitude = value.raw.magnitude
        let whole = magnitude / UInt64(Fixed.unit)
        let fraction = String(magnitude % UInt64(Fixed.unit))
        return (negative ? "-" : "") + String(whole) + "." + String(repeating: "0", count: 8 - fraction.count) + fraction
    }

    /// Compact JSON text.
    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case let .string(s): FakeBinanceJSON.quote(s, into: &out)
        case let .number(n): out += n
        case let .bool(b): out += b ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case let .object(fields):
            out += "{"
            for (i, field) in fields.enumerated() {
                if i > 0 { out += "," }
                FakeBinanceJSON.quote(field.name, into: &out)
                out += ":"
                field.value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
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
}

/// One member of a ``FakeBinanceJSON`` object.
public struct FakeBinanceJSONField: Sendable, Hashable {
    public var name: String
    public var value: FakeBinanceJSON
}
