import Foundation
import SQLKit
import SQLiteKit

/// The embedded SQL store: one SQLite file opened through SQLiteKit and used only through SQLKit, so that the
/// same queries run on PostgreSQL later.
///
/// Opening creates missing parent directories and applies pending ``SchemaMigration``s. All access is
/// serialised through one connection; ``transaction(_:)`` makes a group of statements all-or-nothing.
/// Call ``close()`` when done (or use ``withStore(path:migrations:_:)``).
public final class SQLStore: Sendable {
    /// The database file.
    public let path: String
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let gate = ConnectionGate()

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
        self.database = connection.sql(queryLogLevel: nil)
    }

    /// Opens (creating if needed) the database at `path` and migrates it to the latest version.
    ///
    /// - Throws: ``PersistenceError/openFailed(path:reason:)``, ``PersistenceError/invalidMigrations(reason:)``
    ///   or ``PersistenceError/migrationFailed(path:version:name:reason:)`` (the store is closed again then).
    public static func open(path: String, migrations: [SchemaMigration] = SchemaMigration.builtIn) async throws -> SQLStore {
        try validate(migrations)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let connection: SQLiteConnection
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            connection = try await SQLiteConnection.open(storage: .file(path: path))
        } catch {
            throw PersistenceError.openFailed(path: path, reason: "\(error)")
        }
        let store = SQLStore(path: path, connection: connection)
        do {
            try await store.configure()
            try await store.migrate(migrations)
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    /// Opens the store, runs `body` and always closes the store afterwards.
    @discardableResult
    public static func withStore<T>(path: String, migrations: [SchemaMigration] = SchemaMigration.builtIn,
                                    _ body: (SQLStore) async throws -> T) async throws -> T {
        let store = try await open(path: path, migrations: migrations)
        do {
            let result = try await body(store)
            try await store.close()
            return result
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Closes the connection; later calls fail with ``PersistenceError/closed(path:)``. Closing twice is allowed.
    public func close() async throws {
        await gate.acquire()
        if await gate.isClosed {
            await gate.release()
            return
        }
        await gate.markClosed()
        do {
            try await connection.close()
        } catch {
            await gate.release()
            throw PersistenceError.queryFailed(path: path, operation: "close", reason: "\(error)")
        }
        await gate.release()
    }

    /// Runs `body` with exclusive use of the database, outside any transaction.
    ///
    /// - Throws: ``PersistenceError/closed(path:)`` or whatever `body` throws.
    public func withDatabase<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        await gate.acquire()
        do {
            guard await !gate.isClosed else { throw PersistenceError.closed(path: path) }
            let result = try await body(database)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws (the error is
    /// rethrown unchanged).
    public func transaction<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withDatabase { db in
            try await db.raw("BEGIN").run()
            do {
                let result = try await body(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// Versions recorded in `schema_migrations`, ascending.
    public func appliedMigrations() async throws -> [Int] {
        try await withDatabase { db in
            try await db.select().column("version").from("schema_migrations").orderBy("version")
                .all(decodingColumn: "version", as: Int.self)
        }
    }

    /// SQLite settings for a single-writer embedded store: write-ahead log, fewer fsyncs.
    private func configure() async throws {
        do {
            try await withDatabase { db in
                // Another process (a running service, a second CLI) may hold the write lock: wait for it.
                try await db.raw("PRAGMA busy_timeout=10000").run()
                try await db.raw("PRAGMA journal_mode=WAL").run()
                try await db.raw("PRAGMA synchronous=NORMAL").run()
            }
        } catch {
            throw PersistenceError.openFailed(path: path, reason: "\(error)")
        }
    }

    private func migrate(_ migrations: [SchemaMigration]) async throws {
        let applied: Set<Int>
        do {
            applied = try await withDatabase { db in
                try await db.create(table: "schema_migrations").ifNotExists()
                    .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                    .column("applied_at", type: .bigint, .notNull)
                    .run()
                return Set(try await db.select().column("version").from("schema_migrations")
                    .all(decodingColumn: "version", as: Int.self))
            }
        } catch {
            throw PersistenceError.openFailed(path: path, reason: "reading schema_migrations: \(error)")
        }
        for migration in migrations where !applied.contains(migration.version) {
            do {
                try await transaction { db in
                    try await migration.apply(db)
                    try await db.insert(into: "schema_migrations")
                        .columns("version", "applied_at")
                        .values(SQLBind(migration.version), SQLBind(Self.nowMilliseconds()))
                        .run()
                }
            } catch {
                throw PersistenceError.migrationFailed(path: path, version: migration.version, name: migration.name,
                                                       reason: "\(error)")
            }
        }
    }

    private static func validate(_ migrations: [SchemaMigration]) throws {
        for (previous, next) in zip(migrations, migrations.dropFirst()) where next.version <= previous.version {
            throw PersistenceError.invalidMigrations(
                reason: "version \(next.version) (\(next.name)) follows \(previous.version) (\(previous.name)); "
                    + "versions must be strictly increasing")
        }
    }

    /// Wall-clock Unix milliseconds.
    static func nowMilliseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
