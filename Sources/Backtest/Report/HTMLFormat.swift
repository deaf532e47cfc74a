import Foundation
import TradingModel

/// Number, percentage, money, duration and date text as the HTML report prints them.
enum HTMLFormat {
    /// Placeholder for values that do not exist (NaN, infinite where not meaningful).
    static let missing = "—"

    /// `12.34%` (or `+12.34%` when `signed`); NaN gives ``missing``.
    static func percent(_ fraction: Double, digits: Int = 2, signed: Bool = false) -> String {
        guard fraction.isFinite else { return fraction.isNaN ? missing : (fraction > 0 ? "∞" : "-∞") }
        let text = fixed(fraction * 100, digits: digits)
        let positive = signed && !text.hasPrefix("-") && text.contains(where: { $0 >= "1" && $0 <= "9" })
        return (positive ? "+" : "") + text + "%"
    }

    /// A plain number with `digits` decimals and thousands separators (`-12,345.68`).
    static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? missing : (value > 0 ? "∞" : "-∞") }
        return grouped(fixed(value, digits: digits))
    }

    /// An exact decimal with thousands separators, as stored (`1,234.5`).
    static func exact(_ value: Fixed) -> String { grouped(value.description) }

    /// Fixed-point text without grouping, rounding half away from zero; never prints `-0.00`.
    static func fixed(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// Inserts `,` every three digits in the integer part of a decimal text.
    static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let dot = body.firstIndex(of: ".") ?? body.endIndex
        let integer = body[..<dot]
        guard integer.count > 3 else { return text }
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return sign + out + body[dot...]
    }

    /// `3d 4h`, `5h 12m`, `40m` or `12s`: the two largest units of a duration.
    static func duration(seconds: Int64) -> String {
        if seconds <= 0 { return "0s" }
        let d = seconds / 86_400, h = seconds % 86_400 / 3600, m = seconds % 3600 / 60, s = seconds % 60
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h \(m)m" : "\(h)h" }
        if m > 0 { return s > 0 ? "\(m)m \(s)s" : "\(m)m" }
        return "\(s)s"
    }

    /// `2024-01-02 03:04` UTC (seconds shown only when not zero).
    static func dateTime(_ milliseconds: Int64) -> String {
        let c = HTMLCalendar.civil(milliseconds)
        let base = "\(c.year)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
        return c.second == 0 ? base : base + ":\(two(c.second))"
    }

    /// `2024-01-02` UTC.
    static func date(_ milliseconds: Int64) -> String {
        let c = HTMLCalendar.civil(milliseconds)
        return "\(c.year)-\(two(c.month))-\(two(c.day))"
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
