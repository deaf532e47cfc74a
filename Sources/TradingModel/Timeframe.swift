/// A bar duration such as `1m`, `15m`, `4h`, `1d` or `1w`.
public struct Timeframe: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Length of one bar in seconds.
    public let seconds: Int64

    public init(seconds: Int64) {
        precondition(seconds > 0, "timeframe must be positive")
        self.seconds = seconds
    }

    /// Parses `<n><unit>` with unit s, m, h, d or w (`1m`, `15m`, `1h`, `4h`, `1d`, `1w`).
    public init?(_ text: String) {
        guard let unit = text.last, let n = Int64(text.dropLast()), n > 0 else { return nil }
        switch unit {
        case "s": seconds = n
        case "m": seconds = n * 60
        case "h": seconds = n * 3600
        case "d": seconds = n * 86_400
        case "w": seconds = n * 604_800
        default: return nil
        }
    }

    public var milliseconds: Int64 { seconds * 1000 }

    public var description: String {
        if seconds % 604_800 == 0 { return "\(seconds / 604_800)w" }
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// Number of bars of this timeframe in a 365-day year (for annualizing returns).
    public var barsPerYear: Double { 365.0 * 86_400.0 / Double(seconds) }

    public static func < (lhs: Timeframe, rhs: Timeframe) -> Bool { lhs.seconds < rhs.seconds }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        guard let tf = Timeframe(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "timeframe '\(text)' is not like 1m, 15m, 1h, 4h, 1d, 1w")
        }
        self = tf
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    public static let oneMinute = Timeframe(seconds: 60)
    public static let oneHour = Timeframe(seconds: 3600)
    public static let oneDay = Timeframe(seconds: 86_400)
}
