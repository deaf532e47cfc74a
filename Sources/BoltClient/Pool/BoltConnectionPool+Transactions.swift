extension BoltConnectionPool {
    /// Runs `body` in a managed transaction: BEGIN, body, COMMIT on a pooled connection. When it fails
    /// with a retryable error (``BoltError/isRetryable``: `*.TransientError.*` or a lost connection),
    /// the whole unit of work is retried after each of ``BoltPoolConfiguration/retryDelays``. Each
    /// transaction starts from the bookmark of the pool's last committed transaction.
    /// - Throws: the last error when retries are exhausted or the error is not retryable.
    public func withTransaction<T: Sendable>(
        mode: BoltAccessMode = .write, database: String? = nil, _ body: (BoltTransaction) async throws -> T
    ) async throws -> T {
        try await BoltRetryPolicy(delays: poolConfiguration.retryDelays).run {
            try await withConnection { connection in
                let bookmarks = bookmarksSnapshot()
                let value = try await connection.withTransaction(database: database, bookmarks: bookmarks,
                                                                 mode: mode, body)
                if let bookmark = connection.lastBookmark { recordBookmark(bookmark) }
                return value
            }
        }
    }

    /// A managed read transaction (`mode: "r"`), retried like ``withTransaction(mode:database:_:)``.
    public func readTransaction<T: Sendable>(database: String? = nil, _ body: (BoltTransaction) async throws -> T)
        async throws -> T {
        try await withTransaction(mode: .read, database: database, body)
    }

    /// A managed write transaction, retried like ``withTransaction(mode:database:_:)``.
    public func writeTransaction<T: Sendable>(database: String? = nil, _ body: (BoltTransaction) async throws -> T)
        async throws -> T {
        try await withTransaction(mode: .write, database: database, body)
    }

    /// Runs an auto-commit query on a pooled connection and collects its records (no retry).
    public func query(_ cypher: String, parameters: [String: BoltValue] = [:], database: String? = nil,
                      mode: BoltAccessMode = .write) async throws -> BoltQueryResult {
        try await withConnection { connection in
            try await connection.query(cypher, parameters: parameters, database: database, mode: mode)
        }
    }
}
