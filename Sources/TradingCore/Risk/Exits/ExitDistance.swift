import TradingModel

/// How far a protective exit sits from its reference price: `2%`, `3atr` or an absolute number.
///
/// For a stop-loss or take-profit the reference is the entry price and an absolute number is the exit
/// price itself (`61000`); for a trailing stop the reference is the best price since entry and an absolute
/// number is the distance in quote currency (`500`).
public enum ExitDistance: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A fraction of the reference price (`0.02` for `2%`).
    case percent(Double)
    /// A multiple of the instrument's average true range.
    case atr(Double)
    /// An absolute price (stop-loss, take-profit) or price distance (trailing stop).
    case price(Double)

    /// Parses `2%`, `2.5 %`, `3atr`, `1.5ATR` or `61000`.
    /// - Throws: ``ExitSpecError`` naming `key`, the text and the accepted forms.
    public init(parsing text: String, key: String) throws(ExitSpecError) {
        let trimmed = text.trimmedSpaces.lowercased()
        func number(_ body: Substring) throws(ExitSpecError) -> Double {
            guard let value = Double(body.trimmedSpaces), value.isFinite, value > 0 else {
                throw ExitSpecError(key: key, value: text, expected: "a positive percent (`2%`), ATR multiple (`3atr`) or price (`61000`)")
            }
            return value
        }
        if trimmed.hasSuffix("%") {
            let value = try number(trimmed.dropLast())
            guard value < 100 else { throw ExitSpecError(key: key, value: text, expected: "a percent below 100%") }
            self = .percent(value / 100)
        } else if trimmed.hasSuffix("atr") {
            self = .atr(try number(trimmed.dropLast(3)))
        } else {
            self = .price(try number(Substring(trimmed)))
        }
    }

    /// The text form: `2%`, `3atr` or `61000`.
    public var description: String {
        switch self {
        case let .percent(p): return "\(Self.trim(p * 100))%"
        case let .atr(k): return "\(Self.trim(k))atr"
        case let .price(v): return Self.trim(v)
        }
    }

    /// Whether the distance needs an ATR.
    public var needsATR: Bool { if case .atr = self { return true } else { return false } }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let number = try? container.decode(Double.self) { text = "\(number)" } else { text = try container.decode(String.self) }
        do { self = try ExitDistance(parsing: text, key: CodingPathText.text(decoder.codingPath)) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func trim(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\((value * 1e8).rounded() / 1e8)"
    }
}

/// A protective-exit setting that could not be read.
public struct ExitSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key or option, e.g. `risk.protective_exits.stop_loss` or `--stop-loss`.
    public var key: String
    /// The text given.
    public var value: String
    /// What is accepted.
    public var expected: String

    public init(key: String, value: String, expected: String) {
        self.key = key
        self.value = value
        self.expected = expected
    }

    /// E.g. `stop_loss must be a positive percent (`2%`), ... got 'abc'`.
    public var description: String { "\(key) must be \(expected), got '\(value)'" }
}

/// A coding path as a configuration key path: `protective_exits.overrides[0].stop_loss`.
enum CodingPathText {
    static func text(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out.isEmpty ? "value" : out
    }
}
