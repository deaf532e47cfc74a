/// The embedded store's property text: a flat JSON object of scalars with sorted keys. Hand-written so that
/// integers and doubles round-trip exactly (`1` is an int, `1.0` a double) and writes stay allocation-light.
enum GraphJSON {
    /// `{"a":1,"b":"x"}` with keys in ascending order.
    /// - Throws: ``GraphError/invalidValue(field:value:expected:)`` for NaN or infinite doubles.
    /// - Complexity: O(k log k) for k keys.
    static func encode(_ properties: [String: GraphValue]) throws -> String {
        if properties.isEmpty { return "{}" }
        var out = "{"
        var first = true
        for key in properties.keys.sorted() {
            if !first { out.append(",") }
            first = false
            appendString(key, to: &out)
            out.append(":")
            try appendValue(properties[key]!, field: key, to: &out)
        }
        out.append("}")
        return out
    }

    /// One scalar as JSON.
    static func appendValue(_ value: GraphValue, field: String, to out: inout String) throws {
        switch value {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .int(let number): out.append(String(number))
        case .double(let number):
            guard number.isFinite else {
                throw GraphError.invalidValue(field: field, value: "\(number)", expected: "a finite number")
            }
            out.append("\(number)")
        case .string(let text): appendString(text, to: &out)
        }
    }

    /// A JSON string literal with the mandatory escapes.
    static func appendString(_ text: String, to out: inout String) {
        out.append("\"")
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(text)
            out.append("\"")
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    /// Parses text written by ``encode(_:)`` (any flat JSON object of scalars).
    /// - Throws: ``GraphError/corruptProperties(table:key:reason:)`` naming `table` and `key`.
    static func decode(_ text: String, table: String, key: String) throws -> [String: GraphValue] {
        var parser = Parser(bytes: Array(text.utf8))
        do {
            return try parser.object()
        } catch let reason as ParseFailure {
            throw GraphError.corruptProperties(table: table, key: key, reason: "\(reason.message) at byte \(parser.index)")
        }
    }

    struct ParseFailure: Error { var message: String }

    struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func object() throws -> [String: GraphValue] {
            skipSpace()
            try expect(UInt8(ascii: "{"))
            var result: [String: GraphValue] = [:]
            skipSpace()
            if peek() == UInt8(ascii: "}") { index += 1; return result }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                result[key] = try value()
                skipSpace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"))
                return result
            }
        }

        mutating func value() throws -> GraphValue {
            switch peek() {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return try number()
            }
        }

        mutating func number() throws -> GraphValue {
            let start = index
            var integral = true
            while index < bytes.count {
                let byte = bytes[index]
                if (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                    integral = false
                    index += 1
                } else {
                    break
                }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if integral, let number = Int64(text) { return .int(number) }
            guard !text.isEmpty, let number = Double(text) else { throw ParseFailure(message: "bad number '\(text)'") }
            return .double(number)
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var scalars = String.UnicodeScalarView()
            var plainStart = index
            func flush(_ end: Int, into scalars: inout String.UnicodeScalarView) {
                scalars.append(contentsOf: String(decoding: bytes[plainStart..<end], as: UTF8.self).unicodeScalars)
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    flush(index, into: &scalars)
                    index += 1
                    return String(scalars)
                }
                if byte == UInt8(ascii: "\\") {
                    flush(index, into: &scalars)
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if code >= 0xD800 && code < 0xDC00 {
                            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                                  bytes[index + 1] == UInt8(ascii: "u") else {
                                throw ParseFailure(message: "lone surrogate")
                            }
                            index += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw ParseFailure(message: "bad \\u escape") }
                        scalars.append(scalar)
                    default: scalars.append(Unicode.Scalar(escape))
                    }
                    plainStart = index
                    continue
                }
                index += 1
            }
            throw ParseFailure(message: "unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self),
                                                                radix: 16) else {
                throw ParseFailure(message: "bad \\u escape")
            }
            index += 4
            return code
        }

        mutating func literal(_ word: String) throws {
            for byte in word.utf8 { try expect(byte) }
        }

        mutating func expect(_ byte: UInt8) throws {
            guard peek() == byte else {
                throw ParseFailure(message: "expected '\(Character(Unicode.Scalar(byte)))'")
            }
            index += 1
        }

        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }
    }
}
