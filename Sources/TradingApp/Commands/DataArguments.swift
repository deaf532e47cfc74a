import ArgumentParser
import MarketData
import TradingModel

/// Parsing helpers shared by the `data` and `runs` commands.
enum DataArguments {
    /// Parses a timeframe option such as `1m`, `15m`, `1h`, `4h`, `1d` or `1w`.
    ///
    /// - Throws: `ValidationError` naming the option and the bad text.
    static func timeframe(_ text: String, option: String) throws -> Timeframe {
        guard let timeframe = Timeframe(text) else {
            throw ValidationError("\(option) '\(text)' is not a timeframe; expected a number and a unit s, m, h, d or w "
                + "(1m, 15m, 1h, 4h, 1d, 1w)")
        }
        return timeframe
    }

    /// Parses a time option (ISO-8601 or Unix seconds/ms) into Unix milliseconds.
    static func time(_ text: String, option: String) throws -> Int64 {
        guard let time = UTCTimestamp.parse(text) else {
            throw ValidationError("\(option) '\(text)' is not a time; expected ISO-8601 like 2024-01-01 or "
                + "2024-01-01T00:00:00Z, or Unix seconds/milliseconds")
        }
        return time
    }

    /// At most `limit` issue lines, then a line saying how many were left out.
    static func issueLines(_ issues: [ValidationIssue], limit: Int) -> [String] {
        var lines = issues.prefix(limit).map { "  \($0.severity.rawValue): \($0)" }
        if issues.count > limit { lines.append("  ... and \(issues.count - limit) more") }
        return lines
    }
}
