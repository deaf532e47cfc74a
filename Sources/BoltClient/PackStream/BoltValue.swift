/// A PackStream value as carried by the Bolt protocol: the core types (null, boolean, integer, float,
/// string, bytes, list, map) plus the structures Bolt defines (graph entities, temporal values, points).
///
/// Maps are Swift dictionaries; the encoder writes their entries in ascending key order so the bytes
/// for a given value are deterministic.
public enum BoltValue: Sendable, Hashable {
    /// PackStream `Null` (marker `0xC0`).
    case null
    /// PackStream `Boolean` (markers `0xC2` false, `0xC3` true).
    case bool(Bool)
    /// PackStream `Integer`, a signed 64-bit integer sent in the smallest of its encodings.
    case int(Int64)
    /// PackStream `Float`, a 64-bit IEEE 754 double (marker `0xC1`).
    case float(Double)
    /// PackStream `String`, UTF-8 encoded.
    case string(String)
    /// PackStream `Bytes` (markers `0xCC`–`0xCE`).
    case bytes([UInt8])
    /// PackStream `List` of heterogeneous values.
    case list([BoltValue])
    /// PackStream `Dictionary` with string keys.
    case map([String: BoltValue])
    /// Bolt `Node` structure (tag `0x4E`).
    case node(BoltNode)
    /// Bolt `Relationship` structure (tag `0x52`).
    case relationship(BoltRelationship)
    /// Bolt `UnboundRelationship` structure (tag `0x72`), found inside paths.
    case unboundRelationship(BoltUnboundRelationship)
    /// Bolt `Path` structure (tag `0x50`).
    case path(BoltPath)
    /// Bolt `Date` structure (tag `0x44`).
    case date(BoltDate)
    /// Bolt `Time` structure (tag `0x54`).
    case time(BoltTime)
    /// Bolt `LocalTime` structure (tag `0x74`).
    case localTime(BoltLocalTime)
    /// Bolt `DateTime` with a fixed offset (tag `0x49` from Bolt 5.0, legacy `0x46` before).
    case dateTime(BoltDateTime)
    /// Bolt `DateTimeZoneId` with a named zone (tag `0x69` from Bolt 5.0, legacy `0x66` before).
    case dateTimeZoneId(BoltDateTimeZoneId)
    /// Bolt `LocalDateTime` structure (tag `0x64`).
    case localDateTime(BoltLocalDateTime)
    /// Bolt `Duration` structure (tag `0x45`).
    case duration(BoltDuration)
    /// Bolt `Point2D` structure (tag `0x58`).
    case point2D(BoltPoint2D)
    /// Bolt `Point3D` structure (tag `0x59`).
    case point3D(BoltPoint3D)
}
