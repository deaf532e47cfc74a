#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Allocation-free parsing of decimal numbers from raw CSV bytes.
///
/// Numbers with at most 15 significant digits and a small decimal exponent (the usual exchange prices and
/// volumes) take Clinger's exact fast path; anything else is handed to the C library's correctly rounded
/// `strtod` through a stack buffer. Either way the result is the double nearest to the decimal text, so
/// numbers written in shortest round-trip form re-import identically.
enum NumberParser {
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `bytes` (trimmed) as a decimal number, `nan`, `inf` or `infinity` (any case, optional sign).
    /// Returns nil when the text is not a number.
    ///
    /// - Complexity: O(n) in the field length, no heap allocation.
    static func parseDouble(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let n = bytes.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        while i < n, bytes[i] &- 48 < 10 {
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                significant += 1
            }
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, bytes[i] &- 48 < 10 {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- 48)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else {
                    significant += 1
                }
                i += 1
            }
        }
        guard sawDigit else { return parseSpecial(bytes, from: i, negative: negative) }
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < n, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                expNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            let start = i
            while i < n, bytes[i] &- 48 < 10 {
                if e < 100_000 { e = e * 10 + Int(bytes[i] &- 48) }
                i += 1
            }
            guard i > start else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if significant <= 15 && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 { value /= powersOfTen[-exponent] } else { value *= powersOfTen[exponent] }
            return negative ? -value : value
        }
        return slowParse(bytes)
    }

    /// Parses `bytes` as a plain integer (optional sign), nil otherwise or on overflow.
    static func parseInt(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let n = bytes.count
        var i = 0
        var negative = false
        if n > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return nil }
        var value: Int64 = 0
        while i < n {
            let d = bytes[i] &- 48
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            value = s
            i += 1
        }
        return negative ? -value : value
    }

    private static func parseSpecial(_ bytes: UnsafeRawBufferPointer, from start: Int, negative: Bool) -> Double? {
        let n = bytes.count - start
        guard n == 3 || n == 8 else { return nil }
        var word: UInt64 = 0
        for k in 0..<n { word = word << 8 | UInt64(bytes[start + k] | 0x20) }
        switch word {
        case 0x6E_61_6E: return .nan  // "nan"
        case 0x69_6E_66: return negative ? -.infinity : .infinity  // "inf"
        case 0x69_6E_66_69_6E_69_74_79: return negative ? -.infinity : .infinity  // "infinity"
        default: return nil
        }
    }

    private static func slowParse(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard bytes.count < 512 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer -> Double? in
            for k in 0..<bytes.count { buffer[k] = CChar(bitPattern: bytes[k]) }
            buffer[bytes.count] = 0
            guard let base = buffer.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end - base == bytes.count else { return nil }
            return value
        }
    }
}
