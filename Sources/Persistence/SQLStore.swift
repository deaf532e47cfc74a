import Foundation
import SQLKit

/// The SQL store: an embedded SQLite file (default) or a PostgreSQL database, used only through SQLKit so that
/// the same queries run on both.
///
/// Opening applies pending ``SchemaMigration``s (on PostgreSQL under an advisory lock, so several instances
/// can start on one database at once). With SQLite every call is serialised through one connection; with
/// PostgreSQL calls run in parallel on a connection pool. ``transaction(_:)`` makes a group of statements
/// all-or-nothing on one connection. Call ``close()`` when done (or use ``withStore(_:migrations:_:)``).
public final class SQLStore: Sendable {
    /// The two supported backends.
    public enum Backend: String, Sendable, Hashable {
        /// An embedded SQLite file.
        case sqlite
        /// A PostgreSQL server.
        case postgres
    }

    /// Where the database lives.
    public let location: DatabaseLocation
    /// The database file, or the PostgreSQL URL with its password replaced by `***` (for messages).
    public let path: String
    private let provider: any SQLConnectionProvider

    /// The backend in use.
    public var backend: Backend { provider.backend }

    private init(location: DatabaseLocation, provider: any SQLConnectionProvider) {
        self.location = location
        self.path = location.description
        self.provider = provider
    }

    /// Opens (creating if needed) the SQLite database at `path` and migrates it to the latest version. A
    /// `postgres://` or `postgresql://` URL in `path` opens that PostgreSQL database instead (see
    /// ``DatabaseLocation/init(_:)``), so every `--db` option and `GRAPHWIZ_DB` accept either.
    ///
    /// - Throws: ``PersistenceError/openFailed(path:reason:)``, ``PersistenceError/invalidMigrations(reason:)``
    ///   or ``PersistenceError/migrationFailed(path:version:name:reason:)`` (the store is closed again then).
    public static func open(path: String, migrations: [SchemaMigration] = SchemaMigration.builtIn) async throws -> SQLStore {
        try await open(DatabaseLocation(path), migrations: migrations)
    }

    /// Opens the database at `location` and migrates it to the latest version: every migration of
    /// `migrations` not yet applied, by ascending version (the list may come in any order).
    ///
    /// - Parameter maxConnections: PostgreSQL pool size (ignored for SQLite, which uses one connection).
    /// - Throws: ``PersistenceError/openFailed(path:reason:)`` (unreachable server, bad credentials, bad URL,
    ///   unwritable file), ``PersistenceError/invalidMigrations(reason:)`` or
    ///   ``PersistenceError/migrationFailed(path:version:name:reason:)`` (the store is closed again then).
    public static func open(_ location: DatabaseLocation, migrations: [SchemaMigration] = SchemaMigration.builtIn,
                            maxConnections: Int = 8) async throws -> SQLStore {
        let migrations = try SchemaMigrator.ordered(migrations)
        let provider: any SQLConnectionProvider
        switch location {
        case let .sqlite(path):
            provider = try await SQLiteConnectionProvider.open(path: path)
        case let .postgres(url):
            provider = try await PostgresConnectionProvider.open(url: url, path: location.description,
                                                                 maxConnections: maxConnections)
        }
        let store = SQLStore(location: location, provider: provider)
        do {
            try await SchemaMigrator(store: store).migrate(migrations)
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Opens the store at `path` (a SQLite file or a PostgreSQL URL), runs `body` and always closes it afterwards.
    @discardableResult
    public static func withStore<T>(path: String, migrations: [SchemaMigration] = SchemaMigration.builtIn,
                                    _ body: (SQLStore) async throws -> T) async throws -> T {
        try await withStore(DatabaseLocation(path), migrations: migrations, body)
    }

    /// Opens the store at `location`, runs `body` and always closes the store afterwards.
    @discardableResult
    public static func withStore<T>(_ location: DatabaseLocation, migrations: [SchemaMigration] = SchemaMigration.builtIn,
                                    _ body: (SQLStore) async throws -> T) async throws -> T {
        let store = try await open(location, migrations: migrations)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Closes the connections; later calls fail with ``PersistenceError/closed(path:)``. Closing twice is allowed.
    public func close() async throws {
        try await provider.close()
    }

    /// Runs `body` with exclusive use of one connection, outside any transaction.
    ///
    /// - Throws: ``PersistenceError/closed(path:)`` or whatever `body` throws.
    public func withDatabase<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await provider.withConnection(body)
    }

    /// Runs `body` in one transaction on one connection: committed if it returns, rolled back if it throws (the
    /// error is rethrown unchanged).
    ///
    /// SQLite transactions take the write lock at once (`BEGIN IMMEDIATE`), so writers from other processes
    /// wait (up to 10 s) instead of failing half-way.
    public func transaction<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withDatabase { db in try await Self.transaction(on: db, backend: backend, body) }
    }

    /// Runs `body` in a transaction on the given connection.
    static func transaction<T>(on db: any SQLDatabase, backend: Backend,
                               _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await db.raw(backend == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Inside a ``transaction(_:)``: waits until no other transaction, in this or any other process, holds
    /// `key`, then holds it until this transaction ends. For check-then-insert steps (allocating an id).
    ///
    /// PostgreSQL: `pg_advisory_xact_lock` on a 64-bit hash of `key`. SQLite: nothing to do, since its
    /// transactions already take the database's single write lock.
    public func lock(_ key: String, in db: any SQLDatabase) async throws {
        guard backend == .postgres else { return }
        try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.lockID(key)))").run()
    }

    /// A stable 64-bit FNV-1a hash of `key`, the id of its advisory lock.
    static func lockID(_ key: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    /// Versions recorded in `schema_migrations`, ascending.
    public func appliedMigrations() async throws -> [Int] {
        try await withDatabase { db in
            try await db.select().column("version").from("schema_migrations").orderBy("version")
                .all(decodingColumn: "version", as: Int.self)
        }
    }

    /// A readable message for a database error: PostgreSQL's own message and SQLSTATE (its error type hides
    /// them from `description`), otherwise the error's description.
    static func describe(_ error: any Error) -> String {
        PostgresConnectionProvider.describe(error)
    }

    /// Wall-clock Unix milliseconds.
    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
