@testable import BoltClient
import NIOCore
import Testing

/// Byte vectors from the PackStream specification (neo4j.com/docs/bolt/current/packstream).
@Suite struct PackStreamCoreTypeTests {
    @Test(arguments: [
        (BoltValue.null, "C0"), (.bool(false), "C2"), (.bool(true), "C3"),
        (.float(1.23), "C1 3F F3 AE 14 7A E1 47 AE"), (.float(-1.5), "C1 BF F8 00 00 00 00 00 00"),
    ])
    func scalarsEncodeToSpecBytes(value: BoltValue, hex: String) throws {
        #expect(try Hex.encode(value) == hex)
        #expect(try Hex.decode(hex) == value)
    }

    @Test(arguments: [
        (Int64(1), "01"), (42, "2A"), (127, "7F"), (-1, "FF"), (-16, "F0"),
        (-17, "C8 EF"), (-128, "C8 80"), (128, "C9 00 80"), (-129, "C9 FF 7F"), (32_767, "C9 7F FF"),
        (32_768, "CA 00 00 80 00"), (-32_769, "CA FF FF 7F FF"), (2_147_483_647, "CA 7F FF FF FF"),
        (2_147_483_648, "CB 00 00 00 00 80 00 00 00"), (Int64.min, "CB 80 00 00 00 00 00 00 00"),
        (Int64.max, "CB 7F FF FF FF FF FF FF FF"),
    ])
    func integersUseTheSmallestEncoding(int: Int64, hex: String) throws {
        #expect(try Hex.encode(.int(int)) == hex)
        #expect(try Hex.decode(hex) == .int(int))
    }

    @Test func widerIntegerEncodingsOfSmallValuesDecode() throws {
        #expect(try Hex.decode("C8 01") == .int(1))
        #expect(try Hex.decode("C9 00 01") == .int(1))
        #expect(try Hex.decode("CB 00 00 00 00 00 00 00 01") == .int(1))
    }

    @Test func stringsUseTinyAnd8BitMarkers() throws {
        #expect(try Hex.encode("") == "80")
        #expect(try Hex.encode("A") == "81 41")
        #expect(try Hex.encode("Größenmaßstäbe") == "D0 12 47 72 C3 B6 C3 9F 65 6E 6D 61 C3 9F 73 74 C3 A4 62 65")
        #expect(try Hex.encode(.string("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).hasPrefix("D0 1A 41 42"))
        #expect(try Hex.decode("D0 12 47 72 C3 B6 C3 9F 65 6E 6D 61 C3 9F 73 74 C3 A4 62 65") == "Größenmaßstäbe")
    }

    @Test func longStringsUse16And32BitSizes() throws {
        #expect(try Hex.encode(.string(String(repeating: "x", count: 300))).hasPrefix("D1 01 2C 78"))
        #expect(try Hex.decode("D2 00 00 00 01 41") == "A")
    }

    @Test func bytesUseByteMarkers() throws {
        #expect(try Hex.encode(.bytes([])) == "CC 00")
        #expect(try Hex.encode(.bytes([1, 2, 3])) == "CC 03 01 02 03")
        #expect(try Hex.decode("CD 00 02 FF 00") == .bytes([0xFF, 0]))
        #expect(try Hex.encode(.bytes(Array(repeating: 7, count: 256))).hasPrefix("CD 01 00 07"))
    }

    @Test func listsUseTinyAndSizedMarkers() throws {
        #expect(try Hex.encode([]) == "90")
        #expect(try Hex.encode([1, 2, 3]) == "93 01 02 03")
        #expect(try Hex.encode([1, 2.0, "three"]) == "93 01 C1 40 00 00 00 00 00 00 00 85 74 68 72 65 65")
        #expect(try Hex.encode(.list((1...40).map { .int($0) })).hasPrefix("D4 28 01 02"))
        #expect(try Hex.decode("D5 00 01 C0") == [nil])
        #expect(try Hex.decode("D6 00 00 00 02 01 02") == [1, 2])
    }

    @Test func mapsUseTinyMarkerWithSortedKeys() throws {
        #expect(try Hex.encode([:]) == "A0")
        #expect(try Hex.encode(["one": "eins"]) == "A1 83 6F 6E 65 84 65 69 6E 73")
        #expect(try Hex.encode(["b": 2, "a": 1]) == "A2 81 61 01 81 62 02")
        #expect(try Hex.decode("A2 81 62 02 81 61 01") == ["a": 1, "b": 2])
        #expect(try Hex.decode("D8 01 81 61 C3") == ["a": true])
        #expect(try Hex.decode("D9 00 01 81 61 C2") == ["a": false])
        #expect(try Hex.decode("DA 00 00 00 01 81 61 C0") == ["a": nil])
    }

    @Test func sixteenEntryMapUses8BitMarker() throws {
        let entries = (0..<16).map { (String(UnicodeScalar(UInt8(65 + $0))), BoltValue.int(Int64($0))) }
        #expect(try Hex.encode(.map(Dictionary(uniqueKeysWithValues: entries))).hasPrefix("D8 10 81 41 00 81 42 01"))
    }
}
