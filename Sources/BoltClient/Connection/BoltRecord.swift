/// One row of a result: values in the order of the result's keys.
public struct BoltRecord: Sendable, Hashable {
    /// Column names, shared by all records of a result.
    public let keys: [String]
    /// Values, one per key.
    public let values: [BoltValue]

    /// Creates a record.
    public init(keys: [String], values: [BoltValue]) {
        self.keys = keys
        self.values = values
    }

    /// The value of column `key`, or nil when the result has no such column.
    /// - Complexity: O(k) in the number of columns.
    public subscript(key: String) -> BoltValue? {
        guard let index = keys.firstIndex(of: key), index < values.count else { return nil }
        return values[index]
    }

    /// The value at column position `index`.
    public subscript(index: Int) -> BoltValue { values[index] }
}

/// Access mode of a query or transaction, for clusters that route reads to followers.
public enum BoltAccessMode: Sendable, Hashable {
    /// Read-only work (`mode: "r"`).
    case read
    /// Work that may write (the default; no `mode` sent).
    case write
}

/// All records of a query plus the summary metadata of its last PULL (`bookmark`, `stats`, `t_last`, …).
public struct BoltQueryResult: Sendable, Hashable {
    /// Column names.
    public var keys: [String]
    /// Every record, in server order.
    public var records: [BoltRecord]
    /// Metadata of the final SUCCESS.
    public var summary: [String: BoltValue]
}
