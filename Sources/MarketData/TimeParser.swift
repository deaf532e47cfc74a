import TradingModel

/// Allocation-free parsing of bar times from raw CSV bytes into Unix milliseconds (UTC).
///
/// Accepted forms:
/// - ISO-8601 dates `2024-01-02` (also `2024/01/02`) and date-times with `T` or a space before the time:
///   `2024-01-02T03:04`, `2024-01-02 03:04:05`, `2024-01-02T03:04:05.123456`, followed by `Z`, an offset
///   (`+02:00`, `+0200`, `+02`, `-05:30`) or nothing (UTC).
/// - Unix timestamps, told apart by magnitude: seconds (below 10^11, fractions allowed), milliseconds
///   (below 10^14), microseconds (below 10^17), nanoseconds (above).
enum TimeParser {
    /// Parses `bytes` (already trimmed of spaces and quotes), returning nil when they are not a time.
    ///
    /// - Complexity: O(n) in the field length, no allocation.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let n = bytes.count
        if n >= 8, bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/") {
            return parseISO(bytes)
        }
        return parseNumeric(bytes)
    }

    static func parseNumeric(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let n = bytes.count
        var i = 0
        var negative = false
        if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var whole: Int64 = 0
        var digits = 0
        while i < n, bytes[i] &- 48 < 10 {
            let (scaled, o1) = whole.multipliedReportingOverflow(by: 10)
            let (sum, o2) = scaled.addingReportingOverflow(Int64(bytes[i] &- 48))
            guard !o1, !o2 else { return nil }
            whole = sum
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        // Up to four fractional digits are kept (enough to round seconds to milliseconds).
        var fraction: Int64 = 0
        var fractionDigits = 0
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] &- 48 < 10 {
                if fractionDigits < 4 {
                    fraction = fraction * 10 + Int64(bytes[i] &- 48)
                    fractionDigits += 1
                }
                i += 1
            }
        }
        guard i == n else { return nil }
        while fractionDigits < 4 {
            fraction *= 10
            fractionDigits += 1
        }
        let ms: Int64
        if whole < 100_000_000_000 {
            ms = whole * 1000 + (fraction + 5) / 10  // seconds; fraction is in 1/10000 s
        } else if whole < 100_000_000_000_000 {
            ms = whole + (fraction >= 5000 ? 1 : 0)  // milliseconds
        } else if whole < 100_000_000_000_000_000 {
            ms = whole / 1000  // microseconds
        } else {
            ms = whole / 1_000_000  // nanoseconds
        }
        return negative ? -ms : ms
    }

    static func parseISO(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let n = bytes.count
        var i = 0
        @inline(__always) func number(_ width: Int) -> Int64? {
            guard i + width <= n else { return nil }
            var v: Int64 = 0
            for k in 0..<width {
                let d = bytes[i + k] &- 48
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
            }
            i += width
            return v
        }
        @inline(__always) func expect(_ c: UInt8) -> Bool {
            guard i < n, bytes[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4) else { return nil }
        let separator = bytes[4]
        guard expect(separator), let month = number(2), expect(separator), let day = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= UTCTimestamp.daysInMonth(year: year, month: month) else {
            return nil
        }
        var ms = UTCTimestamp.daysFromCivil(year: year, month: month, day: day) * UTCTimestamp.millisecondsPerDay
        if i == n { return ms }
        guard bytes[i] == UInt8(ascii: "T") || bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "t") else {
            return nil
        }
        i += 1
        guard let hour = number(2), hour < 24, expect(UInt8(ascii: ":")), let minute = number(2), minute < 60 else {
            return nil
        }
        var second: Int64 = 0
        var millis: Int64 = 0
        if i < n, bytes[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = number(2), s < 60 else { return nil }
            second = s
            if i < n, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
                i += 1
                var scale: Int64 = 100
                let start = i
                while i < n, bytes[i] &- 48 < 10 {
                    millis += Int64(bytes[i] &- 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        ms += ((hour * 60 + minute) * 60 + second) * 1000 + millis
        while i < n, bytes[i] == UInt8(ascii: " ") { i += 1 }
        if i == n { return ms }
        let zone = bytes[i]
        if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
            return i + 1 == n ? ms : nil
        }
        if i + 3 == n, zone == UInt8(ascii: "U"), bytes[i + 1] == UInt8(ascii: "T"), bytes[i + 2] == UInt8(ascii: "C") {
            return ms
        }
        guard zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let offsetHours = number(2), offsetHours <= 18 else { return nil }
        var offsetMinutes: Int64 = 0
        if i < n {
            _ = expect(UInt8(ascii: ":"))
            guard let m = number(2), m < 60 else { return nil }
            offsetMinutes = m
        }
        guard i == n else { return nil }
        let offset = (offsetHours * 60 + offsetMinutes) * 60_000
        return zone == UInt8(ascii: "+") ? ms - offset : ms + offset
    }
}
