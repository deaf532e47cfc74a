/// A Bolt protocol version, `major.minor`.
public struct BoltVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Major version.
    public var major: UInt8
    /// Minor version.
    public var minor: UInt8

    /// Creates a version.
    public init(_ major: UInt8, _ minor: UInt8) {
        self.major = major
        self.minor = minor
    }

    /// Bolt 4.4, the oldest version this client speaks.
    public static let v4_4 = BoltVersion(4, 4)
    /// Bolt 5.0: element ids, UTC date-times.
    public static let v5_0 = BoltVersion(5, 0)
    /// Bolt 5.1: authentication moves from HELLO to LOGON.
    public static let v5_1 = BoltVersion(5, 1)
    /// Bolt 5.3: HELLO carries `bolt_agent`.
    public static let v5_3 = BoltVersion(5, 3)
    /// Bolt 5.7, the newest version this client speaks.
    public static let v5_7 = BoltVersion(5, 7)

    /// Whether graph entities carry element ids and date-times use the UTC structures.
    public var usesBolt5Structures: Bool { self >= .v5_0 }
    /// Whether authentication is a separate LOGON message (5.1+) rather than part of HELLO.
    public var usesLogon: Bool { self >= .v5_1 }

    /// `major.minor`.
    public var description: String { "\(major).\(minor)" }

    /// Orders by major, then minor version.
    public static func < (lhs: BoltVersion, rhs: BoltVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
