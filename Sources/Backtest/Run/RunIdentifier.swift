import Foundation

/// Run ids such as `bt-20241124-223512-a1b2c3`: sortable by time, unique per run.
public enum RunIdentifier {
    public static func make(prefix: String, date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let stamp = String(format: "%04d%02d%02d-%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        let suffix = String(UInt32.random(in: 0...0xFFFFFF), radix: 16)
        return "\(prefix)-\(stamp)-\(String(repeating: "0", count: 6 - suffix.count))\(suffix)"
    }
}
