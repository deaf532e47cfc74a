import TradingModel

/// RFC 3339 timestamps as Kraken's WebSocket v2 sends them (`2023-09-25T07:49:37.708706Z`).
public enum KrakenTime {
    /// Unix nanoseconds of a UTC RFC 3339 timestamp with up to nine fractional digits, or nil.
    public static func nanos(rfc3339 text: String) -> Int64? {
        let u = Array(text.utf8)
        guard u.count >= 20, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[10] == UInt8(ascii: "T"),
              u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":") else { return nil }
        func num(_ from: Int, _ count: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + count) {
                let d = Int64(u[i]) - 48
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
              let s = num(17, 2), (1...12).contains(mo), (1...31).contains(d) else { return nil }
        var i = 19
        var fraction: Int64 = 0
        var digits = 0
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            while i < u.count, (48...57).contains(u[i]) {
                if digits < 9 { fraction = fraction * 10 + Int64(u[i] - 48); digits += 1 }
                i += 1
            }
        }
        while digits < 9 { fraction *= 10; digits += 1 }
        guard i < u.count, u[i] == UInt8(ascii: "Z") else { return nil }
        let days = UTCTimestamp.daysFromCivil(year: y, month: mo, day: d)
        return ((days * 86_400 + h * 3600 + mi * 60 + s) * 1_000_000_000) + fraction
    }
}
