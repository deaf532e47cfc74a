@testable import BoltClient
import NIOCore

/// Hex helpers: tests state wire bytes as spaced hex strings, as the specifications print them.
enum Hex {
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = hex.filter { !$0.isWhitespace }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            bytes.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static func string(_ buffer: ByteBuffer) -> String {
        buffer.readableBytesView.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    static func encode(_ value: BoltValue, bolt5: Bool = true) throws -> String {
        var buffer = ByteBuffer()
        try PackStreamEncoder(bolt5Structures: bolt5).encode(value, into: &buffer)
        return string(buffer)
    }

    static func decode(_ hex: String) throws -> BoltValue {
        var buffer = ByteBuffer(bytes: bytes(hex))
        let value = try PackStreamDecoder().decode(from: &buffer)
        precondition(buffer.readableBytes == 0, "trailing bytes after value")
        return value
    }

    static func request(_ request: BoltRequest, bolt5: Bool = true) throws -> String {
        var buffer = ByteBuffer()
        try request.encode(into: &buffer, using: PackStreamEncoder(bolt5Structures: bolt5))
        return string(buffer)
    }
}
