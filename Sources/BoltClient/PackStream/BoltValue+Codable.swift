import Foundation

/// `BoltValue` encodes as its natural JSON-like form (null, bool, number, string, array, object);
/// graph, temporal and spatial structures encode as objects of their fields, bytes as an array of
/// numbers. Decoding produces only the core cases.
extension BoltValue: Codable {
    /// Decodes null, Bool, Int64, Double, String, arrays and string-keyed objects.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int64.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .float(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([BoltValue].self) {
            self = .list(list)
        } else if let map = try? container.decode([String: BoltValue].self) {
            self = .map(map)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "value is not null, bool, number, string, array or object")
        }
    }

    /// Encodes the natural form; structures become objects of their fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .float(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bytes(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        default: try container.encode(structureFields)
        }
    }

    /// The fields of a structure as a map (for encoding).
    private var structureFields: [String: BoltValue] {
        switch self {
        case .node(let n):
            ["id": .int(n.id), "elementId": .string(n.elementID), "labels": .list(n.labels.map(BoltValue.string)),
             "properties": .map(n.properties)]
        case .relationship(let r):
            ["id": .int(r.id), "elementId": .string(r.elementID), "type": .string(r.type),
             "startNodeId": .int(r.startNodeID), "endNodeId": .int(r.endNodeID),
             "startNodeElementId": .string(r.startNodeElementID), "endNodeElementId": .string(r.endNodeElementID),
             "properties": .map(r.properties)]
        case .unboundRelationship(let r):
            ["id": .int(r.id), "elementId": .string(r.elementID), "type": .string(r.type),
             "properties": .map(r.properties)]
        case .path(let p):
            ["nodes": .list(p.nodes.map(BoltValue.node)),
             "relationships": .list(p.relationships.map(BoltValue.unboundRelationship)),
             "indices": .list(p.indices.map(BoltValue.int))]
        case .date(let d): ["days": .int(d.daysSinceEpoch)]
        case .time(let t): ["nanoseconds": .int(t.nanosecondsSinceMidnight), "offsetSeconds": .int(t.offsetSeconds)]
        case .localTime(let t): ["nanoseconds": .int(t.nanosecondsSinceMidnight)]
        case .dateTime(let d):
            ["epochSeconds": .int(d.epochSeconds), "nanoseconds": .int(d.nanoseconds),
             "offsetSeconds": .int(d.offsetSeconds)]
        case .dateTimeZoneId(let d):
            ["epochSeconds": .int(d.epochSeconds), "nanoseconds": .int(d.nanoseconds), "zoneId": .string(d.zoneID),
             "secondsAreLocal": .bool(d.secondsAreLocal)]
        case .localDateTime(let d): ["epochSeconds": .int(d.epochSeconds), "nanoseconds": .int(d.nanoseconds)]
        case .duration(let d):
            ["months": .int(d.months), "days": .int(d.days), "seconds": .int(d.seconds),
             "nanoseconds": .int(d.nanoseconds)]
        case .point2D(let p): ["srid": .int(p.srid), "x": .float(p.x), "y": .float(p.y)]
        case .point3D(let p): ["srid": .int(p.srid), "x": .float(p.x), "y": .float(p.y), "z": .float(p.z)]
        default: [:]
        }
    }

    /// Converts any `Encodable` Swift value (structs, arrays, dictionaries, numbers, …) to a
    /// ``BoltValue``, e.g. to pass a struct as query parameters.
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public init<T: Encodable>(encoding value: T) throws {
        let data = try JSONEncoder().encode(value)
        self = try JSONDecoder().decode(BoltValue.self, from: data)
    }

    /// Converts this value to a `Decodable` Swift type, e.g. a node's properties to a struct.
    /// - Throws: `DecodingError` naming the coding path when the shapes do not match.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        let data = try JSONEncoder().encode(self)
        return try JSONDecoder().decode(type, from: data)
    }
}

extension BoltRecord {
    /// Decodes the record as an object keyed by column name.
    /// - Throws: `DecodingError` naming the coding path when the shapes do not match.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        var map: [String: BoltValue] = [:]
        for (key, value) in zip(keys, values) { map[key] = value }
        return try BoltValue.map(map).decode(type)
    }
}
