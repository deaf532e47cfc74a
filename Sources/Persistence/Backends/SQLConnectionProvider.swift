import SQLKit

/// Hands out a database connection for the duration of a closure: the one seam between ``SQLStore`` and a
/// concrete backend (a single SQLite connection, or a pool of PostgreSQL connections).
protocol SQLConnectionProvider: Sendable {
    /// Which backend this is.
    var backend: SQLStore.Backend { get }

    /// Runs `body` with a connection that nobody else uses until `body` returns.
    ///
    /// - Throws: ``PersistenceError/closed(path:)`` after ``close()``, or whatever `body` throws.
    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T

    /// Releases every connection; later ``withConnection(_:)`` calls fail. Closing twice is allowed.
    func close() async throws
}
