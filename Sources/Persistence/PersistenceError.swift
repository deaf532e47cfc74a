/// A failure of the store, naming the database (file path, or URL without password), the operation and what was expected.
public enum PersistenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be created or opened.
    case openFailed(path: String, reason: String)
    /// A schema migration failed; the store is left at the previous version.
    case migrationFailed(path: String, version: Int, name: String, reason: String)
    /// Two migrations share a version.
    case invalidMigrations(reason: String)
    /// A query failed; writes are rolled back as a whole (the operation text says so).
    case queryFailed(path: String, operation: String, reason: String)
    /// A value cannot be stored (NaN price, empty symbol, malformed JSON, ...).
    case invalidValue(field: String, value: String, expected: String)
    /// The store was used after ``SQLStore/close()``.
    case closed(path: String)

    /// The message, naming the database file, the operation and what was expected.
    public var description: String {
        switch self {
        case let .openFailed(path, reason):
            return "\(path): cannot open the database: \(reason)"
        case let .migrationFailed(path, version, name, reason):
            return "\(path): migration \(version) (\(name)) failed and was rolled back: \(reason)"
        case let .invalidMigrations(reason):
            return "schema migrations: \(reason)"
        case let .queryFailed(path, operation, reason):
            return "\(path): \(operation) failed: \(reason)"
        case let .invalidValue(field, value, expected):
            return "\(field) is \(value); expected \(expected)"
        case let .closed(path):
            return "\(path): the store is closed"
        }
    }
}
