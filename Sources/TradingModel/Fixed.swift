import Foundation

/// An exact signed decimal with eight fractional digits, stored as a scaled `Int64`.
///
/// Every price, quantity and amount of money in the ledger is a `Fixed`: sums are exact, products and
/// quotients are computed in 128-bit intermediates and rounded once, half away from zero. The range is
/// about ±92 billion, enough for any crypto price, quantity or account value.
///
/// - Complexity: every operation is O(1) and allocation free.
public struct Fixed: Sendable, Hashable, Comparable {
    /// Number of fractional decimal digits.
    public static let scale = 8
    /// 10^scale.
    public static let unit: Int64 = 100_000_000

    /// The scaled integer: the value times 10^8.
    public var raw: Int64

    /// Creates a value from its scaled representation (`raw` / 10^8).
    @inlinable public init(raw: Int64) { self.raw = raw }

    /// Creates an exact integral value.
    @inlinable public init(_ value: Int) { self.raw = Int64(value) * Fixed.unit }

    /// Converts a binary floating-point number, rounding to the nearest 10^-8.
    /// Returns nil for NaN, infinities and values out of range.
    @inlinable public init?(exactly double: Double) {
        guard double.isFinite else { return nil }
        let scaled = (double * Double(Fixed.unit)).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9.2e18 else { return nil }
        self.raw = Int64(scaled)
    }

    /// Converts a binary floating-point number, rounding to the nearest 10^-8 (NaN becomes zero,
    /// out-of-range values saturate). Use at the boundary between analysis (Double) and the ledger.
    @inlinable public init(_ double: Double) {
        if let value = Fixed(exactly: double) { self = value }
        else if double.isNaN { self.raw = 0 }
        else { self.raw = double > 0 ? Int64.max : Int64.min }
    }

    public static let zero = Fixed(raw: 0)
    public static let one = Fixed(raw: unit)

    /// The nearest binary floating-point value, for analysis and display.
    @inlinable public var doubleValue: Double { Double(raw) / Double(Fixed.unit) }

    @inlinable public var isZero: Bool { raw == 0 }
    @inlinable public var isNegative: Bool { raw < 0 }
    @inlinable public var isPositive: Bool { raw > 0 }
    @inlinable public var magnitude: Fixed { Fixed(raw: raw < 0 ? -raw : raw) }
    @inlinable public var signum: Int { raw > 0 ? 1 : (raw < 0 ? -1 : 0) }

    @inlinable public static func < (lhs: Fixed, rhs: Fixed) -> Bool { lhs.raw < rhs.raw }
    @inlinable public static func + (lhs: Fixed, rhs: Fixed) -> Fixed { Fixed(raw: lhs.raw + rhs.raw) }
    @inlinable public static func - (lhs: Fixed, rhs: Fixed) -> Fixed { Fixed(raw: lhs.raw - rhs.raw) }
    @inlinable public static prefix func - (value: Fixed) -> Fixed { Fixed(raw: -value.raw) }
    @inlinable public static func += (lhs: inout Fixed, rhs: Fixed) { lhs.raw += rhs.raw }
    @inlinable public static func -= (lhs: inout Fixed, rhs: Fixed) { lhs.raw -= rhs.raw }

    /// Exact product rounded half away from zero to 10^-8.
    @inlinable public static func * (lhs: Fixed, rhs: Fixed) -> Fixed {
        Fixed(raw: Fixed.mulDiv(lhs.raw, rhs.raw, Fixed.unit))
    }

    /// Quotient rounded half away from zero to 10^-8. Division by zero traps.
    @inlinable public static func / (lhs: Fixed, rhs: Fixed) -> Fixed {
        Fixed(raw: Fixed.mulDiv(lhs.raw, Fixed.unit, rhs.raw))
    }

    /// Multiplies by an integer count exactly.
    @inlinable public static func * (lhs: Fixed, rhs: Int) -> Fixed { Fixed(raw: lhs.raw * Int64(rhs)) }

    /// `a * b / c` with a 128-bit intermediate, rounded half away from zero.
    @inlinable public static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        precondition(c != 0, "Fixed: division by zero")
        let negative = (a < 0) != (b < 0) ? (c > 0) : (c < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = c.magnitude
        let (q, r) = divisor.dividingFullWidth((product.high, product.low))
        var quotient = q
        if r >= divisor - r { quotient += 1 }  // r * 2 >= divisor without overflow
        let value = Int64(quotient)
        return (negative && value != 0) ? -value : value
    }

    /// How to round onto a grid of steps.
    public enum Rounding: Sendable { case down, up, nearest, towardZero }

    /// Rounds to a multiple of `step` (a tick size or lot size). A zero step returns self.
    @inlinable public func rounded(toMultipleOf step: Fixed, _ rule: Rounding = .nearest) -> Fixed {
        guard step.raw > 0 else { return self }
        let s = step.raw
        var q = raw / s
        let r = raw % s
        if r != 0 {
            switch rule {
            case .towardZero: break
            case .down: if r < 0 { q -= 1 }
            case .up: if r > 0 { q += 1 }
            case .nearest:
                let twice = r.magnitude * 2
                if twice >= s.magnitude { q += r > 0 ? 1 : -1 }
            }
        }
        return Fixed(raw: q * s)
    }

    /// True when the value lies on the grid of `step`.
    @inlinable public func isMultiple(of step: Fixed) -> Bool { step.raw <= 0 || raw % step.raw == 0 }

    @inlinable public static func min(_ a: Fixed, _ b: Fixed) -> Fixed { a < b ? a : b }
    @inlinable public static func max(_ a: Fixed, _ b: Fixed) -> Fixed { a < b ? b : a }
}

extension Fixed: CustomStringConvertible, LosslessStringConvertible {
    /// Exact decimal text without trailing zeros, e.g. `"-12.5"` or `"0.00000001"`.
    public var description: String {
        let negative = raw < 0
        let mag = raw.magnitude
        let whole = mag / UInt64(Fixed.unit)
        var frac = mag % UInt64(Fixed.unit)
        var text = negative ? "-" : ""
        text += String(whole)
        if frac != 0 {
            var digits = 8
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// Parses decimal text such as `"42"`, `"-0.5"`, `"1e-3"` or `"3.14159"`; digits beyond the eighth
    /// fractional place are rounded half away from zero. Returns nil for anything else.
    public init?(_ text: String) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !s.isEmpty else { return nil }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let exp = Int(s[s.index(after: e)...]), abs(exp) < 40 else { return nil }
            exponent = exp
            s = s[..<e]
        }
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        for ch in s.utf8 {
            if ch == UInt8(ascii: ".") {
                guard pointPosition == nil else { return nil }
                pointPosition = digits.count
            } else if ch >= 48 && ch <= 57 {
                digits.append(ch - 48)
            } else { return nil }
        }
        guard !digits.isEmpty else { return nil }
        let intDigits = (pointPosition ?? digits.count) + exponent
        // value = digits * 10^(intDigits - digits.count); want raw = value * 10^8
        var raw: Int64 = 0
        var roundUp = false
        // Walk digits: each digit at index i has weight 10^(intDigits - 1 - i) in value, 10^(intDigits-1-i+8) in raw.
        for (i, d) in digits.enumerated() {
            let power = intDigits - 1 - i + Fixed.scale
            if power >= 0 {
                guard power < 19 else { return nil }
                var term = Int64(d)
                for _ in 0..<power {
                    let (m, o) = term.multipliedReportingOverflow(by: 10)
                    if o { return nil }
                    term = m
                }
                let (sum, o) = raw.addingReportingOverflow(term)
                if o { return nil }
                raw = sum
            } else if power == -1 {
                roundUp = d >= 5
                break
            } else { break }
        }
        if roundUp { raw += 1 }
        self.raw = negative ? -raw : raw
    }
}

extension Fixed: Codable {
    /// Encodes as an exact JSON number (via `Decimal`), decodes from a number or a decimal string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description) ?? Decimal(raw) / Decimal(Fixed.unit))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = Fixed(text) {
            self = value
        } else if let decimal = try? container.decode(Decimal.self), let value = Fixed("\(decimal)") {
            self = value
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a decimal number")
        }
    }
}

extension Fixed: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

/// A price in quote currency per unit of base asset.
public typealias Price = Fixed
/// A quantity of the base asset.
public typealias Quantity = Fixed
/// An amount of money (quote currency).
public typealias Money = Fixed
