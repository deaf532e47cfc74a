/// Proleptic Gregorian UTC calendar arithmetic on Unix milliseconds, without Foundation (fast enough to
/// run once per month boundary over million-point curves).
enum HTMLCalendar {
    /// A UTC civil date and time.
    struct Civil: Hashable {
        var year: Int
        /// 1...12
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
    }

    static let dayMilliseconds: Int64 = 86_400_000

    /// The civil UTC date of a Unix millisecond time (Howard Hinnant's `civil_from_days`).
    static func civil(_ milliseconds: Int64) -> Civil {
        let days = floorDiv(milliseconds, dayMilliseconds)
        let msOfDay = milliseconds - days * dayMilliseconds
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let seconds = msOfDay / 1000
        return Civil(year: Int(year), month: Int(month), day: Int(day), hour: Int(seconds / 3600),
                     minute: Int(seconds % 3600 / 60), second: Int(seconds % 60))
    }

    /// Unix milliseconds of midnight UTC on the first day of `month` (1...12, may overflow into later years).
    static func startOfMonth(year: Int, month: Int) -> Int64 {
        let index = year * 12 + (month - 1)
        let y = Int64(floorDiv(Int64(index), 12))
        let m = Int64(index) - y * 12 + 1
        return daysFromCivil(year: y, month: m, day: 1) * dayMilliseconds
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
