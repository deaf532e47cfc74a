/// A calendar date (Bolt structure tag `0x44`): days since 1970-01-01.
public struct BoltDate: Sendable, Hashable {
    /// Days since the Unix epoch (may be negative).
    public var daysSinceEpoch: Int64
    /// Creates a date.
    public init(daysSinceEpoch: Int64) { self.daysSinceEpoch = daysSinceEpoch }
}

/// A time of day with a UTC offset (Bolt structure tag `0x54`).
public struct BoltTime: Sendable, Hashable {
    /// Nanoseconds since midnight, local time.
    public var nanosecondsSinceMidnight: Int64
    /// Offset from UTC in seconds.
    public var offsetSeconds: Int64
    /// Creates a time with offset.
    public init(nanosecondsSinceMidnight: Int64, offsetSeconds: Int64) {
        self.nanosecondsSinceMidnight = nanosecondsSinceMidnight
        self.offsetSeconds = offsetSeconds
    }
}

/// A time of day without zone (Bolt structure tag `0x74`).
public struct BoltLocalTime: Sendable, Hashable {
    /// Nanoseconds since midnight.
    public var nanosecondsSinceMidnight: Int64
    /// Creates a local time.
    public init(nanosecondsSinceMidnight: Int64) { self.nanosecondsSinceMidnight = nanosecondsSinceMidnight }
}

/// An instant with a fixed UTC offset. On the wire: tag `0x49` with UTC epoch seconds (Bolt 5.0+),
/// or legacy tag `0x46` with local epoch seconds (Bolt 4.x); the codec converts, this type always
/// holds UTC seconds.
public struct BoltDateTime: Sendable, Hashable {
    /// Seconds since the Unix epoch, UTC.
    public var epochSeconds: Int64
    /// Nanoseconds within the second, 0..<1_000_000_000.
    public var nanoseconds: Int64
    /// Offset from UTC in seconds.
    public var offsetSeconds: Int64
    /// Creates a date-time with offset.
    public init(epochSeconds: Int64, nanoseconds: Int64, offsetSeconds: Int64) {
        self.epochSeconds = epochSeconds
        self.nanoseconds = nanoseconds
        self.offsetSeconds = offsetSeconds
    }
}

/// An instant in a named time zone. On the wire: tag `0x69` with UTC epoch seconds (Bolt 5.0+), or
/// legacy tag `0x66` with local epoch seconds (Bolt 4.x). Converting local seconds needs the zone
/// database, so this type keeps the wire seconds and says which kind they are.
public struct BoltDateTimeZoneId: Sendable, Hashable {
    /// Seconds since the Unix epoch: UTC when ``secondsAreLocal`` is false, local wall time otherwise.
    public var epochSeconds: Int64
    /// Nanoseconds within the second.
    public var nanoseconds: Int64
    /// IANA zone id, e.g. `Europe/Berlin`.
    public var zoneID: String
    /// True for the legacy (Bolt 4.x, tag `0x66`) form whose seconds are local wall-clock seconds.
    public var secondsAreLocal: Bool
    /// Creates a zoned date-time.
    public init(epochSeconds: Int64, nanoseconds: Int64, zoneID: String, secondsAreLocal: Bool = false) {
        self.epochSeconds = epochSeconds
        self.nanoseconds = nanoseconds
        self.zoneID = zoneID
        self.secondsAreLocal = secondsAreLocal
    }
}

/// A date and time without zone (Bolt structure tag `0x64`).
public struct BoltLocalDateTime: Sendable, Hashable {
    /// Seconds since the Unix epoch, wall clock.
    public var epochSeconds: Int64
    /// Nanoseconds within the second.
    public var nanoseconds: Int64
    /// Creates a local date-time.
    public init(epochSeconds: Int64, nanoseconds: Int64) {
        self.epochSeconds = epochSeconds
        self.nanoseconds = nanoseconds
    }
}

/// A temporal amount (Bolt structure tag `0x45`).
public struct BoltDuration: Sendable, Hashable {
    /// Whole months.
    public var months: Int64
    /// Whole days.
    public var days: Int64
    /// Seconds.
    public var seconds: Int64
    /// Nanoseconds.
    public var nanoseconds: Int64
    /// Creates a duration.
    public init(months: Int64, days: Int64, seconds: Int64, nanoseconds: Int64) {
        self.months = months
        self.days = days
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }
}
