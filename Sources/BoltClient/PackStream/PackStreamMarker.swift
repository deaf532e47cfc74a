/// PackStream marker bytes (PackStream specification v1).
enum PackStreamMarker {
    static let null: UInt8 = 0xC0
    static let float64: UInt8 = 0xC1
    static let `false`: UInt8 = 0xC2
    static let `true`: UInt8 = 0xC3
    static let int8: UInt8 = 0xC8
    static let int16: UInt8 = 0xC9
    static let int32: UInt8 = 0xCA
    static let int64: UInt8 = 0xCB
    static let bytes8: UInt8 = 0xCC
    static let bytes16: UInt8 = 0xCD
    static let bytes32: UInt8 = 0xCE
    static let tinyString: UInt8 = 0x80
    static let string8: UInt8 = 0xD0
    static let string16: UInt8 = 0xD1
    static let string32: UInt8 = 0xD2
    static let tinyList: UInt8 = 0x90
    static let list8: UInt8 = 0xD4
    static let list16: UInt8 = 0xD5
    static let list32: UInt8 = 0xD6
    static let tinyMap: UInt8 = 0xA0
    static let map8: UInt8 = 0xD8
    static let map16: UInt8 = 0xD9
    static let map32: UInt8 = 0xDA
    static let tinyStruct: UInt8 = 0xB0
}

/// Tag bytes of the structures Bolt defines on top of PackStream.
enum BoltStructureTag {
    static let node: UInt8 = 0x4E
    static let relationship: UInt8 = 0x52
    static let unboundRelationship: UInt8 = 0x72
    static let path: UInt8 = 0x50
    static let date: UInt8 = 0x44
    static let time: UInt8 = 0x54
    static let localTime: UInt8 = 0x74
    static let dateTime: UInt8 = 0x49
    static let dateTimeZoneId: UInt8 = 0x69
    static let legacyDateTime: UInt8 = 0x46
    static let legacyDateTimeZoneId: UInt8 = 0x66
    static let localDateTime: UInt8 = 0x64
    static let duration: UInt8 = 0x45
    static let point2D: UInt8 = 0x58
    static let point3D: UInt8 = 0x59
}
