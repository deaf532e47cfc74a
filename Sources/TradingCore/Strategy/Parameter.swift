/// A strategy parameter value.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)

    public var description: String {
        switch self {
        case let .int(v): return String(v)
        case let .double(v): return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
        case let .string(v): return v
        }
    }

    /// The numeric value, for optimizers.
    public var doubleValue: Double? {
        switch self {
        case let .int(v): return Double(v)
        case let .double(v): return v
        case .string: return nil
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .int(v): try c.encode(v)
        case let .double(v): try c.encode(v)
        case let .string(v): try c.encode(v)
        }
    }
}

/// The kind and allowed range of one parameter.
public enum ParameterKind: Sendable, Hashable, Codable {
    /// Integers in `min...max` searched in `step`s.
    case int(min: Int, max: Int, step: Int)
    /// Reals in `min...max`; `step` 0 means continuous.
    case double(min: Double, max: Double, step: Double)
    /// One of the listed strings.
    case choice([String])
}

/// One declared parameter of a strategy: what an optimizer can search and a user can set.
public struct ParameterSpec: Sendable, Hashable, Codable {
    public var name: String
    public var kind: ParameterKind
    public var defaultValue: ParameterValue
    public var help: String

    public init(_ name: String, _ kind: ParameterKind, default defaultValue: ParameterValue, help: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Human description of the allowed values, e.g. `an integer in 2...200`.
    public var allowed: String {
        switch kind {
        case let .int(lo, hi, _): return "an integer in \(lo)...\(hi)"
        case let .double(lo, hi, _): return "a number in \(lo)...\(hi)"
        case let .choice(values): return "one of \(values.joined(separator: ", "))"
        }
    }

    /// Parses and range-checks text given on the command line or in config.
    public func parse(_ text: String) throws(ParameterError) -> ParameterValue {
        switch kind {
        case .int:
            guard let v = Int(text) else { throw .invalid(name: name, value: text, expected: allowed) }
            return try validate(.int(v))
        case .double:
            guard let v = Double(text), v.isFinite else { throw .invalid(name: name, value: text, expected: allowed) }
            return try validate(.double(v))
        case .choice:
            return try validate(.string(text))
        }
    }

    /// Checks a value against the declared kind and range (ints are accepted for double parameters).
    public func validate(_ value: ParameterValue) throws(ParameterError) -> ParameterValue {
        switch (kind, value) {
        case let (.int(lo, hi, _), .int(v)):
            guard (lo...hi).contains(v) else { throw .invalid(name: name, value: value.description, expected: allowed) }
            return value
        case let (.int(lo, hi, _), .double(v)) where v == v.rounded():
            guard (Double(lo)...Double(hi)).contains(v) else { throw .invalid(name: name, value: value.description, expected: allowed) }
            return .int(Int(v))
        case let (.double(lo, hi, _), .double(v)):
            guard v >= lo && v <= hi else { throw .invalid(name: name, value: value.description, expected: allowed) }
            return value
        case let (.double(lo, hi, _), .int(v)):
            guard Double(v) >= lo && Double(v) <= hi else { throw .invalid(name: name, value: value.description, expected: allowed) }
            return .double(Double(v))
        case let (.choice(values), .string(v)):
            guard values.contains(v) else { throw .invalid(name: name, value: v, expected: allowed) }
            return value
        default:
            throw .invalid(name: name, value: value.description, expected: allowed)
        }
    }
}

/// Why a parameter was refused.
public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(name: String, strategy: String, known: [String])
    case invalid(name: String, value: String, expected: String)
    case constraint(String)
    case malformed(String)

    public var description: String {
        switch self {
        case let .unknown(name, strategy, known):
            return "strategy \(strategy) has no parameter '\(name)'; its parameters are: \(known.joined(separator: ", "))"
        case let .invalid(name, value, expected):
            return "parameter \(name): got '\(value)', expected \(expected)"
        case let .constraint(text): return text
        case let .malformed(text): return "'\(text)' is not of the form key=value"
        }
    }
}
