import Foundation
import Logging
import PostgresKit
import SQLKit

/// A pool of PostgreSQL connections (PostgresKit's `EventLoopGroupConnectionPool`): callers run in parallel,
/// each on its own connection, and the server arbitrates between them and between processes.
///
/// `@unchecked Sendable`: the pool is not marked Sendable but guards its state with its own lock (AsyncKit
/// documents it for use from any thread); everything else here is immutable or lock-protected.
final class PostgresConnectionProvider: SQLConnectionProvider, @unchecked Sendable {
    let backend = SQLStore.Backend.postgres
    private let path: String
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let state = ClosedFlag()

    private init(path: String, pool: EventLoopGroupConnectionPool<PostgresConnectionSource>) {
        self.path = path
        self.pool = pool
    }

    /// Parses `url` and connects once to check the server, the credentials and the database.
    ///
    /// - Parameters:
    ///   - path: `url` without its password, for messages.
    ///   - maxConnections: the pool size per event loop.
    static func open(url: String, path: String, maxConnections: Int) async throws -> PostgresConnectionProvider {
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: url)
        } catch {
            throw PersistenceError.openFailed(
                path: path, reason: "not a PostgreSQL URL; expected postgres://user:password@host:port/database")
        }
        var logger = Logger(label: "graphwiz.persistence.postgres")
        logger.logLevel = .critical
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: max(1, maxConnections), requestTimeout: .seconds(30),
            logger: logger, on: PostgresConnection.defaultEventLoopGroup)
        let provider = PostgresConnectionProvider(path: path, pool: pool)
        do {
            try await provider.withConnection { db in try await db.raw("SELECT 1").run() }
        } catch {
            try? await provider.close()
            throw PersistenceError.openFailed(path: path, reason: Self.describe(error))
        }
        return provider
    }

    func withConnection<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        guard !state.isClosed else { throw PersistenceError.closed(path: path) }
        let connection = try await pool.requestConnection().get()
        do {
            let result = try await body(connection.sql(queryLogLevel: nil))
            pool.releaseConnection(connection)
            return result
        } catch {
            pool.releaseConnection(connection)
            throw error
        }
    }

    func close() async throws {
        guard state.close() else { return }
        do {
            try await pool.shutdownAsync()
        } catch {
            throw PersistenceError.queryFailed(path: path, operation: "close", reason: "\(error)")
        }
    }

    /// The server's own message for a PostgreSQL error (PSQLError hides it from `description`).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + code
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}
