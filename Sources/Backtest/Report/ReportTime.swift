import Foundation

/// ISO-8601 UTC text for Unix milliseconds, as reports print times.
public enum ReportTime {
    /// `2024-01-02T03:04:05Z` (milliseconds shown only when not zero).
    public static func iso(_ milliseconds: Int64) -> String {
        let seconds = Int64(floor(Double(milliseconds) / 1000))
        let ms = milliseconds - seconds * 1000
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        let base = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                          Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        return ms == 0 ? base + "Z" : base + String(format: ".%03dZ", Int(ms))
    }
}
