/// A property value on a node or relationship: the scalar types both backends store natively.
///
/// Money and prices are stored as exact decimal strings (the ledger never uses `Double`); ratios such as a
/// correlation are `double`.
public enum GraphValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)

    /// The integer, or nil for other cases.
    public var intValue: Int64? { if case .int(let value) = self { value } else { nil } }
    /// The number as a `Double` (integers converted), or nil for other cases.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        default: nil
        }
    }
    /// The string, or nil for other cases.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    /// The boolean, or nil for other cases.
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
}

extension GraphValue: CustomStringConvertible {
    /// The value as plain text: strings unquoted, `null` for null.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): value
        }
    }
}

extension GraphValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension GraphValue: Codable {
    /// Encodes as a bare JSON scalar.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }

    /// Decodes a bare JSON scalar (integral numbers become `int`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null
        } else if let value = try? container.decode(Bool.self) { self = .bool(value)
        } else if let value = try? container.decode(Int64.self) { self = .int(value)
        } else if let value = try? container.decode(Double.self) { self = .double(value)
        } else { self = .string(try container.decode(String.self)) }
    }
}
