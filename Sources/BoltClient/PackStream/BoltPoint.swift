/// A point in a two-dimensional coordinate reference system (Bolt structure tag `0x58`).
public struct BoltPoint2D: Sendable, Hashable {
    /// Spatial reference id, e.g. 4326 (WGS-84) or 7203 (Cartesian).
    public var srid: Int64
    /// First coordinate (longitude for geographic systems).
    public var x: Double
    /// Second coordinate (latitude for geographic systems).
    public var y: Double
    /// Creates a 2D point.
    public init(srid: Int64, x: Double, y: Double) {
        self.srid = srid
        self.x = x
        self.y = y
    }
}

/// A point in a three-dimensional coordinate reference system (Bolt structure tag `0x59`).
public struct BoltPoint3D: Sendable, Hashable {
    /// Spatial reference id, e.g. 4979 (WGS-84 3D) or 9157 (Cartesian 3D).
    public var srid: Int64
    /// First coordinate.
    public var x: Double
    /// Second coordinate.
    public var y: Double
    /// Third coordinate.
    public var z: Double
    /// Creates a 3D point.
    public init(srid: Int64, x: Double, y: Double, z: Double) {
        self.srid = srid
        self.x = x
        self.y = y
        self.z = z
    }
}
