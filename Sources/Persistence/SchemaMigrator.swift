import SQLKit

/// Applies ``SchemaMigration``s to a ``SQLStore``: each pending one in its own transaction, recorded in
/// `schema_migrations(version, applied_at)`.
///
/// Safe when several processes open the same database at once: on PostgreSQL the whole run holds a session
/// advisory lock; on SQLite each migration's `BEGIN IMMEDIATE` transaction re-checks that its version is
/// still unapplied.
struct SchemaMigrator {
    let store: SQLStore

    /// The advisory lock id that guards migrations on PostgreSQL.
    static let lockID = SQLStore.lockID("graphwiz.schema_migrations")

    /// Brings the database up to date with `migrations`.
    func migrate(_ migrations: [SchemaMigration]) async throws {
        let backend = store.backend
        let path = store.path
        try await store.withDatabase { db in
            if backend == .postgres {
                do {
                    try await db.raw("SELECT pg_advisory_lock(\(bind: Self.lockID))").run()
                } catch {
                    throw PersistenceError.openFailed(path: path, reason: "taking the migration lock: \(SQLStore.describe(error))")
                }
            }
            do {
                try await apply(migrations, on: db, backend: backend, path: path)
            } catch {
                if backend == .postgres { try? await db.raw("SELECT pg_advisory_unlock(\(bind: Self.lockID))").run() }
                throw error
            }
            if backend == .postgres { try await db.raw("SELECT pg_advisory_unlock(\(bind: Self.lockID))").run() }
        }
    }

    private func apply(_ migrations: [SchemaMigration], on db: any SQLDatabase, backend: SQLStore.Backend,
                       path: String) async throws {
        let applied: Set<Int>
        do {
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .bigint, .notNull)
                .run()
            applied = try await Self.appliedVersions(db)
        } catch {
            throw PersistenceError.openFailed(path: path, reason: "reading schema_migrations: \(SQLStore.describe(error))")
        }
        for migration in migrations where !applied.contains(migration.version) {
            do {
                try await SQLStore.transaction(on: db, backend: backend) { db in
                    // Another process may have applied it since we looked (SQLite; PostgreSQL holds the lock).
                    guard try await !Self.appliedVersions(db).contains(migration.version) else { return }
                    try await migration.apply(db)
                    try await db.insert(into: "schema_migrations")
                        .columns("version", "applied_at")
                        .values(SQLBind(migration.version), SQLBind(SQLStore.nowMilliseconds()))
                        .run()
                }
            } catch {
                throw PersistenceError.migrationFailed(path: path, version: migration.version, name: migration.name,
                                                       reason: SQLStore.describe(error))
            }
        }
    }

    private static func appliedVersions(_ db: any SQLDatabase) async throws -> Set<Int> {
        Set(try await db.select().column("version").from("schema_migrations").all(decodingColumn: "version", as: Int.self))
    }

    /// `migrations` sorted by version (so lists from several modules may be concatenated in any order).
    ///
    /// - Throws: ``PersistenceError/invalidMigrations(reason:)`` when two migrations share a version.
    static func ordered(_ migrations: [SchemaMigration]) throws -> [SchemaMigration] {
        let sorted = migrations.enumerated().sorted { ($0.element.version, $0.offset) < ($1.element.version, $1.offset) }
            .map(\.element)
        for (previous, next) in zip(sorted, sorted.dropFirst()) where next.version == previous.version {
            throw PersistenceError.invalidMigrations(
                reason: "version \(next.version) is used by both '\(previous.name)' and '\(next.name)'; "
                    + "each migration needs its own version")
        }
        return sorted
    }
}
