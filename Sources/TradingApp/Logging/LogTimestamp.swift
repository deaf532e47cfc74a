import TradingModel

/// ISO-8601 UTC timestamps with milliseconds (`2026-11-25T01:22:32.123Z`), without Foundation formatters.
enum LogTimestamp {
    /// `milliseconds` since the Unix epoch as `yyyy-MM-ddTHH:mm:ss.SSSZ`.
    static func iso8601(milliseconds: Int64) -> String {
        var days = milliseconds / 86_400_000
        var ms = milliseconds % 86_400_000
        if ms < 0 {
            ms += 86_400_000
            days -= 1
        }
        let (year, month, day) = UTCTimestamp.civilFromDays(days)
        let seconds = ms / 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2))"
            + ":\(pad(seconds % 60, 2)).\(pad(ms % 1000, 3))Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
