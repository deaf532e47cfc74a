import Foundation
import SQLKit
import SQLiteKit

/// One SQLite connection shared by all callers, one at a time, so that a transaction never interleaves with
/// another caller's statements.
///
/// The gate is shared by every connection to the same file in this process (``FileGates``): SQLite calls block
/// a thread of SQLiteNIO's small thread pool while they wait for the file's write lock, so several stores on
/// one file waiting inside SQLite at once could starve the holder of a thread and deadlock until the busy
/// timeout. Other processes are arbitrated by SQLite's own locking (busy timeout, `BEGIN IMMEDIATE`).
final class SQLiteConnectionProvider: SQLConnectionProvider {
    let backend = SQLStore.Backend.sqlite
    private let path: String
    private let connection: SQLiteConnection
    private let database: any SQLDatabase
    private let gate: ConnectionGate
    private let closed = ClosedFlag()

    private init(path: String, connection: SQLiteConnection) {
        self.path = path
        self.gate = FileGates.shared.gate(for: path)
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
                try await Self.enableWriteAheadLog(db)
                try await db.raw("PRAGMA synchronous=NORMAL").run()
            }
        } catch {
            try? await provider.close()
            throw PersistenceError.openFailed(path: path, reason: "\(error)")
        }
        return provider
    }

    /// Switches the file to WAL. Converting a new file needs a moment of exclusive access, which SQLite does
    /// not wait for (the pragma then quietly leaves the old mode), so several processes opening a new file at
    /// once retry for up to 10 s; a connection left in rollback mode could deadlock with the others.
    private static func enableWriteAheadLog(_ db: any SQLDatabase) async throws {
        var mode = ""
        for _ in 0..<200 {
            mode = try await db.raw("PRAGMA journal_mode=WAL").first()?.decode(column: "journal_mode", as: String.self) ?? ""
            if mode.lowercased() == "wal" { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw PersistenceError.invalidValue(field: "journal_mode", value: "'\(mode)'", expected: "wal (another process holds the file?)")
    }

    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        await gate.acquire()
        do {
            guard !closed.isClosed else { throw PersistenceError.closed(path: path) }
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
        guard closed.close() else {
            await gate.release()
            return
        }
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
