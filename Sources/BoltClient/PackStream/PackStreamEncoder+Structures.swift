import NIOCore

extension PackStreamEncoder {
    /// Appends one of Bolt's structures (graph entities, temporal values, points).
    func encodeStructure(_ value: BoltValue, into buffer: inout ByteBuffer) throws {
        switch value {
        case .node(let node):
            try Self.writeStructureHeader(tag: BoltStructureTag.node, fieldCount: bolt5Structures ? 4 : 3, into: &buffer)
            Self.writeInt(node.id, into: &buffer)
            try encode(.list(node.labels.map(BoltValue.string)), into: &buffer)
            try encodeMap(node.properties, into: &buffer)
            if bolt5Structures { try Self.writeString(node.elementID, into: &buffer) }
        case .relationship(let rel):
            try Self.writeStructureHeader(tag: BoltStructureTag.relationship, fieldCount: bolt5Structures ? 8 : 5,
                                          into: &buffer)
            Self.writeInt(rel.id, into: &buffer)
            Self.writeInt(rel.startNodeID, into: &buffer)
            Self.writeInt(rel.endNodeID, into: &buffer)
            try Self.writeString(rel.type, into: &buffer)
            try encodeMap(rel.properties, into: &buffer)
            if bolt5Structures {
                try Self.writeString(rel.elementID, into: &buffer)
                try Self.writeString(rel.startNodeElementID, into: &buffer)
                try Self.writeString(rel.endNodeElementID, into: &buffer)
            }
        case .unboundRelationship(let rel):
            try Self.writeStructureHeader(tag: BoltStructureTag.unboundRelationship, fieldCount: bolt5Structures ? 4 : 3,
                                          into: &buffer)
            Self.writeInt(rel.id, into: &buffer)
            try Self.writeString(rel.type, into: &buffer)
            try encodeMap(rel.properties, into: &buffer)
            if bolt5Structures { try Self.writeString(rel.elementID, into: &buffer) }
        case .path(let path):
            try Self.writeStructureHeader(tag: BoltStructureTag.path, fieldCount: 3, into: &buffer)
            try encode(.list(path.nodes.map(BoltValue.node)), into: &buffer)
            try encode(.list(path.relationships.map(BoltValue.unboundRelationship)), into: &buffer)
            try encode(.list(path.indices.map(BoltValue.int)), into: &buffer)
        default:
            try encodeTemporalOrPoint(value, into: &buffer)
        }
    }

    private func encodeTemporalOrPoint(_ value: BoltValue, into buffer: inout ByteBuffer) throws {
        switch value {
        case .date(let date):
            try writeIntStructure(BoltStructureTag.date, [date.daysSinceEpoch], into: &buffer)
        case .time(let time):
            try writeIntStructure(BoltStructureTag.time, [time.nanosecondsSinceMidnight, time.offsetSeconds],
                                  into: &buffer)
        case .localTime(let time):
            try writeIntStructure(BoltStructureTag.localTime, [time.nanosecondsSinceMidnight], into: &buffer)
        case .dateTime(let dt):
            if bolt5Structures {
                try writeIntStructure(BoltStructureTag.dateTime, [dt.epochSeconds, dt.nanoseconds, dt.offsetSeconds],
                                      into: &buffer)
            } else {
                try writeIntStructure(BoltStructureTag.legacyDateTime,
                                      [dt.epochSeconds + dt.offsetSeconds, dt.nanoseconds, dt.offsetSeconds],
                                      into: &buffer)
            }
        case .dateTimeZoneId(let dt):
            try Self.writeStructureHeader(
                tag: dt.secondsAreLocal ? BoltStructureTag.legacyDateTimeZoneId : BoltStructureTag.dateTimeZoneId,
                fieldCount: 3, into: &buffer)
            Self.writeInt(dt.epochSeconds, into: &buffer)
            Self.writeInt(dt.nanoseconds, into: &buffer)
            try Self.writeString(dt.zoneID, into: &buffer)
        case .localDateTime(let dt):
            try writeIntStructure(BoltStructureTag.localDateTime, [dt.epochSeconds, dt.nanoseconds], into: &buffer)
        case .duration(let d):
            try writeIntStructure(BoltStructureTag.duration, [d.months, d.days, d.seconds, d.nanoseconds],
                                  into: &buffer)
        case .point2D(let p):
            try Self.writeStructureHeader(tag: BoltStructureTag.point2D, fieldCount: 3, into: &buffer)
            Self.writeInt(p.srid, into: &buffer)
            try encode(.float(p.x), into: &buffer)
            try encode(.float(p.y), into: &buffer)
        case .point3D(let p):
            try Self.writeStructureHeader(tag: BoltStructureTag.point3D, fieldCount: 4, into: &buffer)
            Self.writeInt(p.srid, into: &buffer)
            try encode(.float(p.x), into: &buffer)
            try encode(.float(p.y), into: &buffer)
            try encode(.float(p.z), into: &buffer)
        default:
            preconditionFailure("encodeTemporalOrPoint called with a core PackStream value")
        }
    }

    private func writeIntStructure(_ tag: UInt8, _ fields: [Int64], into buffer: inout ByteBuffer) throws {
        try Self.writeStructureHeader(tag: tag, fieldCount: fields.count, into: &buffer)
        for field in fields { Self.writeInt(field, into: &buffer) }
    }
}
