import Foundation
import TradingModel

/// A parsed JSON value. Kraken mixes strings, numbers and arrays of both in one payload (OHLC rows, trade
/// rows), so responses are read through this tree rather than fixed `Codable` types. Numbers keep their
/// exact decimal digits.
public enum KrakenJSON: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([KrakenJSON])
    case object([String: KrakenJSON])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Decimal.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([KrakenJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: KrakenJSON].self)) }
    }

    /// Parses JSON bytes.
    public static func parse(_ data: Data) throws -> KrakenJSON {
        try JSONDecoder().decode(KrakenJSON.self, from: data)
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> KrakenJSON? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    /// The element at `index` of an array, or nil.
    public subscript(index: Int) -> KrakenJSON? {
        if case let .array(a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    /// The members of an object (empty otherwise).
    public var object: [String: KrakenJSON] {
        if case let .object(o) = self { return o }
        return [:]
    }

    /// The elements of an array (empty otherwise).
    public var array: [KrakenJSON] {
        if case let .array(a) = self { return a }
        return []
    }

    /// Text of a string, or the decimal text of a number.
    public var string: String? {
        switch self {
        case let .string(s): return s
        case let .number(d): return "\(d)"
        default: return nil
        }
    }

    /// An exact decimal from a string or number.
    public var fixed: Fixed? { string.flatMap { Fixed($0) } }

    /// A floating-point value from a string or number.
    public var double: Double? { string.flatMap { Double($0) } }

    /// An integer from a number or string without fraction.
    public var int64: Int64? {
        switch self {
        case let .number(d): return Int64("\(d)")
        case let .string(s): return Int64(s)
        default: return nil
        }
    }

    /// A boolean.
    public var bool: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }
}
