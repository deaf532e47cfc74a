/// Closes a position that has been open too long: after a number of bars or a duration.
public enum TimeStop: Sendable, Hashable, Codable, CustomStringConvertible {
    /// After this many bars of the instrument since the entry fill.
    case bars(Int)
    /// After this many milliseconds since the entry fill.
    case duration(Int64)

    /// Parses `48` (bars) or a duration `90s`, `30m`, `48h`, `2d`.
    /// - Throws: ``ExitSpecError`` naming `key`, the text and the accepted forms.
    public init(parsing text: String, key: String) throws(ExitSpecError) {
        let trimmed = text.trimmedSpaces.lowercased()
        if let bars = Int(trimmed) {
            guard bars >= 1 else { throw ExitSpecError(key: key, value: text, expected: "a bar count >= 1 (`48`) or a duration (`48h`, `2d`)") }
            self = .bars(bars)
            return
        }
        do { self = .duration(try RiskDuration.milliseconds(parsing: text, key: key)) } catch {
            throw ExitSpecError(key: key, value: text, expected: "a bar count >= 1 (`48`) or a duration (`90s`, `30m`, `48h`, `2d`)")
        }
    }

    /// `48` or `48h`.
    public var description: String {
        switch self {
        case let .bars(n): return "\(n)"
        case let .duration(ms): return RiskDuration.text(ms)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let number = try? container.decode(Int.self) { text = "\(number)" } else { text = try container.decode(String.self) }
        do { self = try TimeStop(parsing: text, key: CodingPathText.text(decoder.codingPath)) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Durations of the `risk:` section as text: `90s`, `30m`, `4h`, `2d` (a bare number is seconds).
public enum RiskDuration {
    /// Milliseconds of a duration text.
    /// - Throws: ``ExitSpecError`` naming `key`.
    public static func milliseconds(parsing text: String, key: String) throws(ExitSpecError) -> Int64 {
        let trimmed = text.trimmedSpaces.lowercased()
        let units: [(String, Int64)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000)]
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            let body = trimmed.dropLast(suffix.count)
            if let value = Double(body), value.isFinite, value > 0, value * Double(scale) < 1e15 {
                return Int64((value * Double(scale)).rounded())
            }
            break
        }
        if let seconds = Double(trimmed), seconds.isFinite, seconds > 0, seconds < 1e12 { return Int64((seconds * 1000).rounded()) }
        throw ExitSpecError(key: key, value: text, expected: "a positive duration such as `90s`, `30m`, `4h` or `2d`")
    }

    /// The shortest exact text: `4h`, `90m`, `2d`, `1500ms`.
    public static func text(_ ms: Int64) -> String {
        for (suffix, scale) in [("w", Int64(604_800_000)), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        where ms % scale == 0 {
            return "\(ms / scale)\(suffix)"
        }
        return "\(ms)ms"
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces (Foundation-free).
    var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
