/// Conversions between Unix milliseconds and ISO-8601 UTC text, without Foundation date formatters.
///
/// Uses the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil` / `civil_from_days`), so it is exact
/// for every date from year 0 to 9999 and allocation free except for the formatted `String`.
public enum UTCTimestamp {
    /// Milliseconds in one day.
    public static let millisecondsPerDay: Int64 = 86_400_000

    /// Days since 1970-01-01 of the civil date `year-month-day` (month 1...12, day 1...31).
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of `days` since 1970-01-01.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func civilFromDays(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Number of days in `month` of `year` (Gregorian leap years).
    @inlinable
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Formats Unix milliseconds as `2024-01-02T03:04:05Z`, or `2024-01-02T03:04:05.250Z` when the
    /// milliseconds are not zero.
    ///
    /// - Complexity: O(1); allocates the returned string only.
    public static func iso8601(_ milliseconds: Int64) -> String {
        var days = milliseconds / millisecondsPerDay
        var msOfDay = milliseconds % millisecondsPerDay
        if msOfDay < 0 {
            msOfDay += millisecondsPerDay
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        let seconds = msOfDay / 1000
        let millis = msOfDay % 1000
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDigits(&bytes, year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(&bytes, month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(&bytes, day, width: 2)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(&bytes, seconds / 3600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(&bytes, seconds / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(&bytes, seconds % 60, width: 2)
        if millis != 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(&bytes, millis, width: 3)
        }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendDigits(_ bytes: inout [UInt8], _ value: Int64, width: Int) {
        var digits: [UInt8] = []
        var v = value < 0 ? -value : value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        for _ in digits.count..<max(width, digits.count) { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: digits.reversed())
    }
}
