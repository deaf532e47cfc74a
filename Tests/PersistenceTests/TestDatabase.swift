import Foundation
import Persistence
import SQLKit

/// A fresh, empty database for one test: a SQLite file in a temp directory, or a new database created on the
/// PostgreSQL server named by `GRAPHWIZ_POSTGRES_URL` (scripts/postgres.sh), dropped by ``remove()``.
struct TestDatabase {
    /// The environment variable with the PostgreSQL server URL (set by `.ci/run`).
    static let postgresVariable = "GRAPHWIZ_POSTGRES_URL"
    /// The server URL, when configured.
    static let postgresURL = ProcessInfo.processInfo.environment[postgresVariable].flatMap { $0.isEmpty ? nil : $0 }
    /// Why the PostgreSQL suites are skipped.
    static let skipReason = "\(postgresVariable) is not set: run `eval \"$(scripts/postgres.sh start | sed 's/^/export /')\"` "
        + "to test the PostgreSQL backend (.ci/run always does)"

    /// The backends under test.
    enum Backend: String, Sendable, CaseIterable {
        case sqlite, postgres
    }

    /// Where the database is.
    let location: DatabaseLocation
    private let cleanup: @Sendable () async -> Void

    /// Creates an empty database on `backend`.
    static func make(_ backend: Backend) async throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let dir = try TemporaryDirectory()
            return TestDatabase(location: .sqlite(path: dir.path("contract.sqlite")), cleanup: { dir.remove() })
        case .postgres:
            guard let base = postgresURL else {
                print("PostgreSQL store tests skipped: \(skipReason)")
                throw PersistenceError.openFailed(path: postgresVariable, reason: "not set")
            }
            let name = "gw_test_\(UInt64.random(in: 0...UInt64.max))"
            try await admin(base) { db in try await db.raw("CREATE DATABASE \(ident: name)").run() }
            return TestDatabase(location: .postgres(url: try url(base, database: name)), cleanup: {
                try? await admin(base) { db in try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
            })
        }
    }

    /// Deletes the database.
    func remove() async { await cleanup() }

    /// Runs `body` on the server's own database, without migrations.
    private static func admin(_ base: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        try await SQLStore.withStore(.postgres(url: base), migrations: []) { store in
            try await store.withDatabase(body)
        }
    }

    /// `base` with its database replaced by `database`.
    private static func url(_ base: String, database: String) throws -> String {
        guard var components = URLComponents(string: base) else {
            throw PersistenceError.invalidValue(field: postgresVariable, value: "unparsable", expected: "a postgres:// URL")
        }
        components.path = "/" + database
        guard let url = components.string else {
            throw PersistenceError.invalidValue(field: postgresVariable, value: "unparsable", expected: "a postgres:// URL")
        }
        return url
    }
}
