import Foundation
import SQLKit
import SQLiteKit

/// One SQLite connection shared by all callers, one at a time (``ConnectionGate``), so that a transaction
/// never interleaves with another caller's statements.
final class SQLiteConnectionProvider: SQLConnectionProvider {
    let backend = SQLStore.Backend.sqlite
    private let path: String
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let gate = ConnectionGate()

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.connection = connection
        self.database = connection.sql(queryLogLevel: nil)
    }

    /// Opens (creating the file and its parent directories if needed) the database at `path`, in WAL mode and
    /// waiting up to 10 s for another process's write lock.
    static func open(path: String) async throws -> SQLiteConnectionProvider {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let connection: SQLiteConnection
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            connection = try await SQLiteConnection.open(storage: .file(path: path))
        } catch {
            throw PersistenceError.openFailed(path: path, reason: "\(error)")
        }
        let provider = SQLiteConnectionProvider(path: path, connection: connection)
        do {
            try await provider.withConnection { db in
                // Another process (a running service, a second CLI) may hold the write lock: wait for it.
                try await db.raw("PRAGMA busy_timeout=10000").run()
                try await db.raw("PRAGMA journal_mode=WAL").run()
                try await db.raw("PRAGMA synchronous=NORMAL").run()
            }
        } catch {
            try? await provider.close()
            throw PersistenceError.openFailed(path: path, reason: "\(error)")
        }
        return provider
    }

    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
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

    func close() async throws {
        await gate.acquire()
        if await gate.isClosed {
            await gate.release()
            return
        }
        await gate.markClosed()
        do {
            // The future-based close runs even when the calling task is cancelled (the async one would not,
            // leaving the file open).
            try await connection.close().get()
        } catch {
            await gate.release()
            throw PersistenceError.queryFailed(path: path, operation: "close", reason: "\(error)")
        }
        await gate.release()
    }
}
