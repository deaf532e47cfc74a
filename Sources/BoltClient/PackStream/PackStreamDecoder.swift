import NIOCore

/// Reads ``BoltValue``s from PackStream bytes.
///
/// Accepts both the Bolt 5 and the Bolt 4 forms of graph entities (with or without element ids) and
/// of date-times (UTC `0x49`/`0x69`, legacy local `0x46`/`0x66`).
public struct PackStreamDecoder: Sendable {
    /// Deepest nesting of lists, maps and structures accepted, to bound recursion on hostile input.
    public var maxDepth: Int

    /// Creates a decoder.
    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }

    /// Reads one value from `buffer`, advancing its reader index past it.
    /// - Parameter base: reader index that counts as offset 0 in error messages.
    /// - Throws: ``PackStreamError`` naming the offset, the bad byte or value and what was expected.
    /// - Complexity: O(n) in the encoded size.
    public func decode(from buffer: inout ByteBuffer, base: Int? = nil) throws -> BoltValue {
        try decode(from: &buffer, base: base ?? buffer.readerIndex, depth: 0)
    }

    func decode(from buffer: inout ByteBuffer, base: Int, depth: Int) throws -> BoltValue {
        let offset = buffer.readerIndex - base
        guard depth <= maxDepth else {
            throw PackStreamError(.tooDeep, offset: offset, "nesting deeper than \(maxDepth) levels")
        }
        let marker: UInt8 = try read(from: &buffer, base: base, what: "marker")
        switch marker {
        case 0x00...0x7F: return .int(Int64(marker))
        case 0xF0...0xFF: return .int(Int64(Int8(bitPattern: marker)))
        case PackStreamMarker.null: return .null
        case PackStreamMarker.false: return .bool(false)
        case PackStreamMarker.true: return .bool(true)
        case PackStreamMarker.int8: return .int(Int64(try read(from: &buffer, base: base, what: "INT_8") as Int8))
        case PackStreamMarker.int16: return .int(Int64(try read(from: &buffer, base: base, what: "INT_16") as Int16))
        case PackStreamMarker.int32: return .int(Int64(try read(from: &buffer, base: base, what: "INT_32") as Int32))
        case PackStreamMarker.int64: return .int(try read(from: &buffer, base: base, what: "INT_64") as Int64)
        case PackStreamMarker.float64:
            return .float(Double(bitPattern: try read(from: &buffer, base: base, what: "FLOAT_64")))
        case 0x80...0x8F: return .string(try readString(count: Int(marker & 0x0F), from: &buffer, base: base))
        case 0xD0...0xD2:
            let count = try readSize(marker: marker, first: 0xD0, from: &buffer, base: base)
            return .string(try readString(count: count, from: &buffer, base: base))
        case 0xCC...0xCE:
            let count = try readSize(marker: marker, first: 0xCC, from: &buffer, base: base)
            guard let bytes = buffer.readBytes(length: count) else {
                throw truncated(&buffer, base: base, "\(count) bytes of a Bytes value")
            }
            return .bytes(bytes)
        case 0x90...0x9F: return .list(try readList(count: Int(marker & 0x0F), from: &buffer, base: base, depth: depth))
        case 0xD4...0xD6:
            let count = try readSize(marker: marker, first: 0xD4, from: &buffer, base: base)
            return .list(try readList(count: count, from: &buffer, base: base, depth: depth))
        case 0xA0...0xAF: return .map(try readMap(count: Int(marker & 0x0F), from: &buffer, base: base, depth: depth))
        case 0xD8...0xDA:
            let count = try readSize(marker: marker, first: 0xD8, from: &buffer, base: base)
            return .map(try readMap(count: count, from: &buffer, base: base, depth: depth))
        case 0xB0...0xBF:
            let tag: UInt8 = try read(from: &buffer, base: base, what: "structure tag")
            return try decodeStructure(tag: tag, fieldCount: Int(marker & 0x0F), at: offset, from: &buffer,
                                       base: base, depth: depth)
        default:
            throw PackStreamError(.unknownMarker, offset: offset,
                                  "unknown marker 0x\(String(marker, radix: 16, uppercase: true)), expected a PackStream marker")
        }
    }

    /// Reads a structure's header (marker and tag) and returns the field count and tag.
    func readStructureHeader(from buffer: inout ByteBuffer, base: Int) throws -> (fieldCount: Int, tag: UInt8) {
        let offset = buffer.readerIndex - base
        let marker: UInt8 = try read(from: &buffer, base: base, what: "structure marker")
        guard marker & 0xF0 == PackStreamMarker.tinyStruct else {
            throw PackStreamError(.wrongType, offset: offset,
                                  "marker 0x\(String(marker, radix: 16, uppercase: true)), expected a structure (0xB0-0xBF)")
        }
        let tag: UInt8 = try read(from: &buffer, base: base, what: "structure tag")
        return (Int(marker & 0x0F), tag)
    }

    func read<T: FixedWidthInteger>(from buffer: inout ByteBuffer, base: Int, what: String) throws -> T {
        guard let value = buffer.readInteger(as: T.self) else {
            throw truncated(&buffer, base: base, what)
        }
        return value
    }

    private func truncated(_ buffer: inout ByteBuffer, base: Int, _ what: String) -> PackStreamError {
        PackStreamError(.truncated, offset: buffer.readerIndex - base,
                        "input ended with \(buffer.readableBytes) bytes left, expected \(what)")
    }

    private func readSize(marker: UInt8, first: UInt8, from buffer: inout ByteBuffer, base: Int) throws -> Int {
        switch marker - first {
        case 0: return Int(try read(from: &buffer, base: base, what: "8-bit size") as UInt8)
        case 1: return Int(try read(from: &buffer, base: base, what: "16-bit size") as UInt16)
        default: return Int(try read(from: &buffer, base: base, what: "32-bit size") as UInt32)
        }
    }

    private func readString(count: Int, from buffer: inout ByteBuffer, base: Int) throws -> String {
        let offset = buffer.readerIndex - base
        guard let bytes = buffer.readSlice(length: count) else {
            throw truncated(&buffer, base: base, "\(count) bytes of a String")
        }
        guard let string = bytes.getString(at: bytes.readerIndex, length: count),
              string.utf8.elementsEqual(bytes.readableBytesView) else {
            throw PackStreamError(.invalidUTF8, offset: offset, "string of \(count) bytes is not valid UTF-8")
        }
        return string
    }

    private func readList(count: Int, from buffer: inout ByteBuffer, base: Int, depth: Int) throws -> [BoltValue] {
        var list: [BoltValue] = []
        list.reserveCapacity(Swift.min(count, buffer.readableBytes))
        for _ in 0..<count { list.append(try decode(from: &buffer, base: base, depth: depth + 1)) }
        return list
    }

    private func readMap(count: Int, from buffer: inout ByteBuffer, base: Int, depth: Int) throws -> [String: BoltValue] {
        var map: [String: BoltValue] = [:]
        map.reserveCapacity(Swift.min(count, buffer.readableBytes / 2))
        for _ in 0..<count {
            let keyOffset = buffer.readerIndex - base
            guard case .string(let key) = try decode(from: &buffer, base: base, depth: depth + 1) else {
                throw PackStreamError(.wrongType, offset: keyOffset, "map key is not a String")
            }
            map[key] = try decode(from: &buffer, base: base, depth: depth + 1)
        }
        return map
    }
}
