import NIOCore

extension PackStreamDecoder {
    /// Decodes the fields of a structure whose marker and tag were already read.
    func decodeStructure(
        tag: UInt8, fieldCount: Int, at offset: Int, from buffer: inout ByteBuffer, base: Int, depth: Int
    ) throws -> BoltValue {
        var fields: [BoltValue] = []
        fields.reserveCapacity(fieldCount)
        for _ in 0..<fieldCount { fields.append(try decode(from: &buffer, base: base, depth: depth + 1)) }
        let reader = StructureFields(tag: tag, fields: fields, offset: offset)
        switch tag {
        case BoltStructureTag.node: return .node(try reader.node())
        case BoltStructureTag.relationship:
            try reader.expectCount(5, or: 8, name: "Relationship")
            return .relationship(BoltRelationship(
                id: try reader.int(0, "id"), startNodeID: try reader.int(1, "startNodeId"),
                endNodeID: try reader.int(2, "endNodeId"), type: try reader.string(3, "type"),
                properties: try reader.map(4, "properties"),
                elementID: fieldCount == 8 ? try reader.string(5, "element_id") : nil,
                startNodeElementID: fieldCount == 8 ? try reader.string(6, "start_node_element_id") : nil,
                endNodeElementID: fieldCount == 8 ? try reader.string(7, "end_node_element_id") : nil))
        case BoltStructureTag.unboundRelationship: return .unboundRelationship(try reader.unboundRelationship())
        case BoltStructureTag.path:
            try reader.expectCount(3, name: "Path")
            return .path(try reader.path())
        case BoltStructureTag.date:
            try reader.expectCount(1, name: "Date")
            return .date(BoltDate(daysSinceEpoch: try reader.int(0, "days")))
        case BoltStructureTag.time:
            try reader.expectCount(2, name: "Time")
            return .time(BoltTime(nanosecondsSinceMidnight: try reader.int(0, "nanoseconds"),
                                  offsetSeconds: try reader.int(1, "tz_offset_seconds")))
        case BoltStructureTag.localTime:
            try reader.expectCount(1, name: "LocalTime")
            return .localTime(BoltLocalTime(nanosecondsSinceMidnight: try reader.int(0, "nanoseconds")))
        case BoltStructureTag.dateTime, BoltStructureTag.legacyDateTime:
            try reader.expectCount(3, name: "DateTime")
            let seconds = try reader.int(0, "seconds")
            let offsetSeconds = try reader.int(2, "tz_offset_seconds")
            let utc = tag == BoltStructureTag.dateTime ? seconds : seconds - offsetSeconds
            return .dateTime(BoltDateTime(epochSeconds: utc, nanoseconds: try reader.int(1, "nanoseconds"),
                                          offsetSeconds: offsetSeconds))
        case BoltStructureTag.dateTimeZoneId, BoltStructureTag.legacyDateTimeZoneId:
            try reader.expectCount(3, name: "DateTimeZoneId")
            return .dateTimeZoneId(BoltDateTimeZoneId(
                epochSeconds: try reader.int(0, "seconds"), nanoseconds: try reader.int(1, "nanoseconds"),
                zoneID: try reader.string(2, "tz_id"), secondsAreLocal: tag == BoltStructureTag.legacyDateTimeZoneId))
        case BoltStructureTag.localDateTime:
            try reader.expectCount(2, name: "LocalDateTime")
            return .localDateTime(BoltLocalDateTime(epochSeconds: try reader.int(0, "seconds"),
                                                    nanoseconds: try reader.int(1, "nanoseconds")))
        case BoltStructureTag.duration:
            try reader.expectCount(4, name: "Duration")
            return .duration(BoltDuration(months: try reader.int(0, "months"), days: try reader.int(1, "days"),
                                          seconds: try reader.int(2, "seconds"),
                                          nanoseconds: try reader.int(3, "nanoseconds")))
        case BoltStructureTag.point2D:
            try reader.expectCount(3, name: "Point2D")
            return .point2D(BoltPoint2D(srid: try reader.int(0, "srid"), x: try reader.float(1, "x"),
                                        y: try reader.float(2, "y")))
        case BoltStructureTag.point3D:
            try reader.expectCount(4, name: "Point3D")
            return .point3D(BoltPoint3D(srid: try reader.int(0, "srid"), x: try reader.float(1, "x"),
                                        y: try reader.float(2, "y"), z: try reader.float(3, "z")))
        default:
            throw PackStreamError(.unknownStructure, offset: offset,
                                  "unknown structure tag 0x\(String(tag, radix: 16, uppercase: true)) with \(fieldCount) fields, expected a Bolt graph, temporal or spatial structure")
        }
    }
}

/// Typed access to the fields of one decoded structure, with errors naming the structure and field.
struct StructureFields {
    let tag: UInt8
    let fields: [BoltValue]
    let offset: Int

    private var name: String { "structure 0x\(String(tag, radix: 16, uppercase: true))" }

    func expectCount(_ count: Int, or other: Int? = nil, name: String) throws {
        guard fields.count == count || fields.count == other else {
            let expected = other.map { "\(count) or \($0)" } ?? "\(count)"
            throw PackStreamError(.wrongFieldCount, offset: offset,
                                  "\(name) has \(fields.count) fields, expected \(expected)")
        }
    }

    private func wrongType(_ index: Int, _ field: String, _ expected: String) -> PackStreamError {
        PackStreamError(.wrongType, offset: offset,
                        "\(name) field \(index) '\(field)' is \(fields[index]), expected \(expected)")
    }

    func int(_ index: Int, _ field: String) throws -> Int64 {
        guard case .int(let value) = fields[index] else { throw wrongType(index, field, "an Integer") }
        return value
    }

    func float(_ index: Int, _ field: String) throws -> Double {
        guard case .float(let value) = fields[index] else { throw wrongType(index, field, "a Float") }
        return value
    }

    func string(_ index: Int, _ field: String) throws -> String {
        guard case .string(let value) = fields[index] else { throw wrongType(index, field, "a String") }
        return value
    }

    func map(_ index: Int, _ field: String) throws -> [String: BoltValue] {
        guard case .map(let value) = fields[index] else { throw wrongType(index, field, "a Dictionary") }
        return value
    }

    func list(_ index: Int, _ field: String) throws -> [BoltValue] {
        guard case .list(let value) = fields[index] else { throw wrongType(index, field, "a List") }
        return value
    }

    func node() throws -> BoltNode {
        try expectCount(3, or: 4, name: "Node")
        let labels = try list(1, "labels").map { label -> String in
            guard case .string(let text) = label else { throw wrongType(1, "labels", "a List<String>") }
            return text
        }
        return BoltNode(id: try int(0, "id"), labels: labels, properties: try map(2, "properties"),
                        elementID: fields.count == 4 ? try string(3, "element_id") : nil)
    }

    func unboundRelationship() throws -> BoltUnboundRelationship {
        try expectCount(3, or: 4, name: "UnboundRelationship")
        return BoltUnboundRelationship(id: try int(0, "id"), type: try string(1, "type"),
                                       properties: try map(2, "properties"),
                                       elementID: fields.count == 4 ? try string(3, "element_id") : nil)
    }

    func path() throws -> BoltPath {
        let nodes = try list(0, "nodes").map { value -> BoltNode in
            guard case .node(let node) = value else { throw wrongType(0, "nodes", "a List<Node>") }
            return node
        }
        let rels = try list(1, "rels").map { value -> BoltUnboundRelationship in
            guard case .unboundRelationship(let rel) = value else {
                throw wrongType(1, "rels", "a List<UnboundRelationship>")
            }
            return rel
        }
        let indices = try list(2, "indices").map { value -> Int64 in
            guard case .int(let index) = value else { throw wrongType(2, "indices", "a List<Integer>") }
            return index
        }
        return BoltPath(nodes: nodes, relationships: rels, indices: indices)
    }
}
