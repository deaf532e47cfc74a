import TradingModel

/// A tiny JSON value for the fake venues' answers, with exact control over numbers and strings and members in the
/// order given (as the real venues write them). Binance sends decimals as strings with 8 fractional digits;
/// Kraken sends them as strings in REST and as numbers in WebSocket v2.
public indirect enum FakeJSON: Sendable, Hashable {
    case string(String)
    /// A number written exactly as given (`"37500.1"`, `"1688669597.8277369"`).
    case number(String)
    case bool(Bool)
    case null
    case array([FakeJSON])
    /// Members in the given order.
    case object([(String, FakeJSON)])

    /// An integer.
    public static func int(_ value: Int64) -> FakeJSON { .number(String(value)) }
    /// An integer.
    public static func int(_ value: Int) -> FakeJSON { .number(String(value)) }
    /// An object from ordered pairs (the same as ``object(_:)``).
    public static func obj(_ fields: [(String, FakeJSON)]) -> FakeJSON { .object(fields) }
    /// A decimal as Binance writes it: a string with 8 fractional digits (`"0.10000000"`).
    public static func decimal(_ value: Fixed) -> FakeJSON { .string(padded(value)) }

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

    func write(into out: inout String) {
        switch self {
        case let .string(s): Self.quote(s, into: &out)
        case let .number(n): out += n
        case let .bool(b): out += b ? "true" : "false"
        case .null: out += "null"
        case let .array(a):
            out += "["
            for (i, e) in a.enumerated() {
                if i > 0 { out += "," }
                e.write(into: &out)
            }
            out += "]"
        case let .object(o):
            out += "{"
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { out += "," }
                Self.quote(k, into: &out)
                out += ":"
                v.write(into: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
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

    public static func == (lhs: FakeJSON, rhs: FakeJSON) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
