import NIOCore

/// Writes ``BoltValue``s in PackStream form.
///
/// Integers use their smallest encoding, sizes their smallest marker, and map entries are written in
/// ascending key order so equal values produce equal bytes.
public struct PackStreamEncoder: Sendable {
    /// When true (Bolt 5.0+), graph entities carry element ids and date-times use the UTC structures
    /// `0x49`/`0x69`; otherwise (Bolt 4.x) the 3/5-field entities and legacy `0x46`/`0x66` date-times.
    public var bolt5Structures: Bool

    /// Creates an encoder.
    public init(bolt5Structures: Bool = true) {
        self.bolt5Structures = bolt5Structures
    }

    /// Appends `value` to `buffer`.
    /// - Throws: ``PackStreamError`` with kind `.tooLarge` for sizes beyond PackStream's 32-bit limits.
    /// - Complexity: O(n log n) in the number of map entries (keys are sorted), O(n) otherwise.
    public func encode(_ value: BoltValue, into buffer: inout ByteBuffer) throws {
        switch value {
        case .null: buffer.writeInteger(PackStreamMarker.null)
        case .bool(let flag): buffer.writeInteger(flag ? PackStreamMarker.true : PackStreamMarker.false)
        case .int(let int): Self.writeInt(int, into: &buffer)
        case .float(let double):
            buffer.writeInteger(PackStreamMarker.float64)
            buffer.writeInteger(double.bitPattern)
        case .string(let string): try Self.writeString(string, into: &buffer)
        case .bytes(let bytes):
            try Self.writeSize(bytes.count, tiny: nil, markers: (0xCC, 0xCD, 0xCE), what: "bytes", into: &buffer)
            buffer.writeBytes(bytes)
        case .list(let list):
            try Self.writeSize(list.count, tiny: PackStreamMarker.tinyList, markers: (0xD4, 0xD5, 0xD6),
                               what: "list", into: &buffer)
            for element in list { try encode(element, into: &buffer) }
        case .map(let map): try encodeMap(map, into: &buffer)
        default: try encodeStructure(value, into: &buffer)
        }
    }

    /// Appends a map: first the entries of `leadingKeys` present in `map`, in that order, then the
    /// others in ascending key order. (PackStream maps are unordered, but some servers, e.g.
    /// FalkorDB, read auth tokens positionally, so messages put the conventional keys first.)
    func encodeMap(_ map: [String: BoltValue], leadingKeys: [String] = [], into buffer: inout ByteBuffer) throws {
        try Self.writeSize(map.count, tiny: PackStreamMarker.tinyMap, markers: (0xD8, 0xD9, 0xDA),
                           what: "map", into: &buffer)
        for key in leadingKeys {
            guard let value = map[key] else { continue }
            try Self.writeString(key, into: &buffer)
            try encode(value, into: &buffer)
        }
        for key in map.keys.sorted() where !leadingKeys.contains(key) {
            try Self.writeString(key, into: &buffer)
            try encode(map[key]!, into: &buffer)
        }
    }

    /// Appends a structure header: `0xB0 + fieldCount`, then the tag byte.
    static func writeStructureHeader(tag: UInt8, fieldCount: Int, into buffer: inout ByteBuffer) throws {
        guard fieldCount <= 15 else {
            throw PackStreamError(.tooLarge, offset: -1,
                                  "structure 0x\(String(tag, radix: 16)) has \(fieldCount) fields, expected at most 15")
        }
        buffer.writeInteger(PackStreamMarker.tinyStruct | UInt8(fieldCount))
        buffer.writeInteger(tag)
    }

    /// Appends an integer in the smallest of its encodings.
    static func writeInt(_ int: Int64, into buffer: inout ByteBuffer) {
        switch int {
        case -16...127: buffer.writeInteger(Int8(int))
        case -128 ..< -16:
            buffer.writeInteger(PackStreamMarker.int8)
            buffer.writeInteger(Int8(int))
        case -32_768...32_767:
            buffer.writeInteger(PackStreamMarker.int16)
            buffer.writeInteger(Int16(int))
        case -2_147_483_648...2_147_483_647:
            buffer.writeInteger(PackStreamMarker.int32)
            buffer.writeInteger(Int32(int))
        default:
            buffer.writeInteger(PackStreamMarker.int64)
            buffer.writeInteger(int)
        }
    }

    /// Appends a UTF-8 string.
    static func writeString(_ string: String, into buffer: inout ByteBuffer) throws {
        let count = string.utf8.count
        try writeSize(count, tiny: PackStreamMarker.tinyString, markers: (0xD0, 0xD1, 0xD2), what: "string",
                      into: &buffer)
        buffer.writeString(string)
    }

    /// Appends a size with a tiny marker (when given and size < 16) or an 8/16/32-bit marker.
    static func writeSize(
        _ size: Int, tiny: UInt8?, markers: (UInt8, UInt8, UInt8), what: String, into buffer: inout ByteBuffer
    ) throws {
        if let tiny, size < 16 {
            buffer.writeInteger(tiny | UInt8(size))
        } else if size <= Int(UInt8.max) {
            buffer.writeInteger(markers.0)
            buffer.writeInteger(UInt8(size))
        } else if size <= Int(UInt16.max) {
            buffer.writeInteger(markers.1)
            buffer.writeInteger(UInt16(size))
        } else if size <= Int(UInt32.max) {
            buffer.writeInteger(markers.2)
            buffer.writeInteger(UInt32(size))
        } else {
            throw PackStreamError(.tooLarge, offset: -1, "\(what) of size \(size), expected at most \(UInt32.max)")
        }
    }
}
