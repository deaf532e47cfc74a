@testable import BoltClient
import NIOCore
import Testing

/// Structure vectors from the Bolt "Structure Semantics" page: marker `B0 + fields`, tag byte, fields.
@Suite struct PackStreamStructureTests {
    private let ann = BoltNode(id: 3, labels: ["Example", "Node"], properties: ["name": "example"], elementID: "abc123")

    @Test func nodeHasFourFieldsInBolt5() throws {
        let hex = "B4 4E 03 92 87 45 78 61 6D 70 6C 65 84 4E 6F 64 65 A1 84 6E 61 6D 65 87 65 78 61 6D 70 6C 65 86 61 62 63 31 32 33"
        #expect(try Hex.encode(.node(ann)) == hex)
        #expect(try Hex.decode(hex) == .node(ann))
    }

    @Test func nodeHasThreeFieldsInBolt4AndGetsADecimalElementID() throws {
        let hex = "B3 4E 03 92 87 45 78 61 6D 70 6C 65 84 4E 6F 64 65 A1 84 6E 61 6D 65 87 65 78 61 6D 70 6C 65"
        let legacy = BoltNode(id: 3, labels: ["Example", "Node"], properties: ["name": "example"])
        #expect(try Hex.encode(.node(legacy), bolt5: false) == hex)
        #expect(try Hex.decode(hex) == .node(legacy))
        #expect(legacy.elementID == "3")
    }

    @Test func relationshipHasEightFieldsInBolt5() throws {
        let rel = BoltRelationship(id: 11, startNodeID: 2, endNodeID: 3, type: "KNOWS", properties: [:],
                                   elementID: "r", startNodeElementID: "s", endNodeElementID: "e")
        let hex = "B8 52 0B 02 03 85 4B 4E 4F 57 53 A0 81 72 81 73 81 65"
        #expect(try Hex.encode(.relationship(rel)) == hex)
        #expect(try Hex.decode(hex) == .relationship(rel))
    }

    @Test func relationshipHasFiveFieldsInBolt4() throws {
        let rel = BoltRelationship(id: 11, startNodeID: 2, endNodeID: 3, type: "KNOWS", properties: [:])
        let hex = "B5 52 0B 02 03 85 4B 4E 4F 57 53 A0"
        #expect(try Hex.encode(.relationship(rel), bolt5: false) == hex)
        #expect(try Hex.decode(hex) == .relationship(rel))
        #expect(rel.startNodeElementID == "2")
    }

    @Test func pathDecodesNodesRelationshipsAndIndices() throws {
        // Path([Node 1, Node 2], [UnboundRelationship 9 KNOWS], [1, 1]) in Bolt 5 form.
        let hex = "B3 50 92 B4 4E 01 90 A0 81 31 B4 4E 02 90 A0 81 32 91 B4 72 09 85 4B 4E 4F 57 53 A0 81 39 92 01 01"
        let path = BoltPath(nodes: [BoltNode(id: 1, labels: [], properties: [:]),
                                    BoltNode(id: 2, labels: [], properties: [:])],
                            relationships: [BoltUnboundRelationship(id: 9, type: "KNOWS", properties: [:])],
                            indices: [1, 1])
        #expect(try Hex.decode(hex) == .path(path))
        #expect(try Hex.encode(.path(path)) == hex)
    }

    @Test func temporalStructuresUseTheirTags() throws {
        #expect(try Hex.encode(.date(BoltDate(daysSinceEpoch: 19_000))) == "B1 44 C9 4A 38")
        #expect(try Hex.encode(.time(BoltTime(nanosecondsSinceMidnight: 1, offsetSeconds: 3600))) == "B2 54 01 C9 0E 10")
        #expect(try Hex.encode(.localTime(BoltLocalTime(nanosecondsSinceMidnight: 5))) == "B1 74 05")
        #expect(try Hex.encode(.localDateTime(BoltLocalDateTime(epochSeconds: 60, nanoseconds: 0))) == "B2 64 3C 00")
        #expect(try Hex.encode(.duration(BoltDuration(months: 1, days: 2, seconds: 3, nanoseconds: 4))) == "B4 45 01 02 03 04")
        #expect(try Hex.decode("B4 45 01 02 03 04") == .duration(BoltDuration(months: 1, days: 2, seconds: 3, nanoseconds: 4)))
        #expect(try Hex.decode("B1 74 05") == .localTime(BoltLocalTime(nanosecondsSinceMidnight: 5)))
    }

    @Test func dateTimeUsesUTCTag49InBolt5AndLocalSecondsTag46InBolt4() throws {
        // 1970-01-01T01:00:00+01:00 is UTC second 0; local second 3600.
        let dt = BoltDateTime(epochSeconds: 0, nanoseconds: 7, offsetSeconds: 3600)
        #expect(try Hex.encode(.dateTime(dt)) == "B3 49 00 07 C9 0E 10")
        #expect(try Hex.encode(.dateTime(dt), bolt5: false) == "B3 46 C9 0E 10 07 C9 0E 10")
        #expect(try Hex.decode("B3 49 00 07 C9 0E 10") == .dateTime(dt))
        #expect(try Hex.decode("B3 46 C9 0E 10 07 C9 0E 10") == .dateTime(dt))
    }

    @Test func zonedDateTimeKeepsWhichKindOfSecondsItCarries() throws {
        let utc = BoltDateTimeZoneId(epochSeconds: 1, nanoseconds: 0, zoneID: "UTC")
        #expect(try Hex.encode(.dateTimeZoneId(utc)) == "B3 69 01 00 83 55 54 43")
        #expect(try Hex.decode("B3 66 01 00 83 55 54 43")
            == .dateTimeZoneId(BoltDateTimeZoneId(epochSeconds: 1, nanoseconds: 0, zoneID: "UTC", secondsAreLocal: true)))
    }

    @Test func pointsCarrySRIDAndFloatCoordinates() throws {
        let p2 = BoltPoint2D(srid: 7203, x: 1.0, y: 2.0)
        #expect(try Hex.encode(.point2D(p2)) == "B3 58 C9 1C 23 C1 3F F0 00 00 00 00 00 00 C1 40 00 00 00 00 00 00 00")
        #expect(try Hex.decode("B3 58 C9 1C 23 C1 3F F0 00 00 00 00 00 00 C1 40 00 00 00 00 00 00 00") == .point2D(p2))
        let p3 = BoltPoint3D(srid: 9157, x: 0.0, y: 0.0, z: -1.0)
        let hex3 = "B4 59 C9 23 C5 C1 00 00 00 00 00 00 00 00 C1 00 00 00 00 00 00 00 00 C1 BF F0 00 00 00 00 00 00"
        #expect(try Hex.encode(.point3D(p3)) == hex3)
        #expect(try Hex.decode(hex3) == .point3D(p3))
    }
}
