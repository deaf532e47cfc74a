import NIOConcurrencyHelpers

/// An explicit transaction on one connection. After any failure, commit or rollback it is closed and
/// further use throws ``BoltError/transactionClosed(_:)``.
public final class BoltTransaction: Sendable {
    /// The connection the transaction runs on.
    public let connection: BoltConnection
    private let closedReason = NIOLockedValueBox<String?>(nil)

    init(connection: BoltConnection) {
        self.connection = connection
    }

    /// Whether the transaction can still run queries.
    public var isOpen: Bool { closedReason.withLockedValue { $0 == nil } }

    /// Runs a query inside the transaction and returns its streamed result.
    public func run(_ cypher: String, parameters: [String: BoltValue] = [:], fetchSize: Int64? = nil)
        async throws -> BoltResult {
        try checkOpen()
        let prelude = connection.session.withLockedValue { $0.discardOpenStream() }
        do {
            return try await connection.runStream(
                prelude: prelude, .run(query: cypher, parameters: parameters, extra: [:]),
                fetchSize: fetchSize ?? connection.configuration.fetchSize, inTransaction: true)
        } catch {
            terminate(because: error)
            throw error
        }
    }

    /// Runs a query inside the transaction and collects all records.
    public func query(_ cypher: String, parameters: [String: BoltValue] = [:]) async throws -> BoltQueryResult {
        do {
            return try await run(cypher, parameters: parameters).collect()
        } catch {
            terminate(because: error)
            throw error
        }
    }

    /// Commits; returns the new bookmark when the server sends one.
    @discardableResult
    public func commit() async throws -> String? {
        try finish(with: .commit, reason: "committed")
        let requests = connection.session.withLockedValue { $0.discardOpenStream() } + [.commit]
        defer { connection.session.withLockedValue { $0.transactionOpen = false } }
        let replies = try BoltConnection.check(try await connection.exchange(requests), requests: requests)
        guard case .success(let metadata, _) = replies.last else { return nil }
        let bookmark = metadata["bookmark"]?.stringValue
        if let bookmark { connection.session.withLockedValue { $0.lastBookmark = bookmark } }
        return bookmark
    }

    /// Rolls back. Does nothing when the transaction already failed (the server dropped it).
    public func rollback() async throws {
        guard isOpen else { return }
        try finish(with: .rollback, reason: "rolled back")
        let requests = connection.session.withLockedValue { $0.discardOpenStream() } + [.rollback]
        defer { connection.session.withLockedValue { $0.transactionOpen = false } }
        try BoltConnection.check(try await connection.exchange(requests), requests: requests)
    }

    private func checkOpen() throws {
        if let reason = closedReason.withLockedValue({ $0 }) {
            throw BoltError.transactionClosed("the transaction was \(reason)")
        }
    }

    private func finish(with request: BoltRequest, reason: String) throws {
        try closedReason.withLockedValue { closed in
            if let closed { throw BoltError.transactionClosed("cannot \(request.name): the transaction was \(closed)") }
            closed = reason
        }
    }

    private func terminate(because error: Error) {
        closedReason.withLockedValue { closed in
            if closed == nil { closed = "terminated by an earlier failure: \(error)" }
        }
        connection.session.withLockedValue { $0.transactionOpen = false }
    }
}

extension BoltConnection {
    /// Opens an explicit transaction (BEGIN).
    /// - Throws: ``BoltError/transactionClosed(_:)`` when one is already open on this connection.
    public func beginTransaction(database: String? = nil, bookmarks: [String] = [], mode: BoltAccessMode = .write)
        async throws -> BoltTransaction {
        var extra: [String: BoltValue] = [:]
        if let database { extra["db"] = .string(database) }
        if !bookmarks.isEmpty { extra["bookmarks"] = .list(bookmarks.map(BoltValue.string)) }
        if mode == .read { extra["mode"] = "r" }
        let prelude = try session.withLockedValue { state -> [BoltRequest] in
            guard !state.transactionOpen else {
                throw BoltError.transactionClosed("a transaction is already open on this connection")
            }
            state.transactionOpen = true
            return state.discardOpenStream()
        }
        let requests = prelude + [.begin(extra: extra)]
        do {
            try Self.check(try await exchange(requests), requests: requests)
        } catch {
            session.withLockedValue { $0.transactionOpen = false }
            throw error
        }
        return BoltTransaction(connection: self)
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws. No retries
    /// (see ``BoltConnectionPool/withTransaction(mode:database:_:)`` for retrying managed transactions).
    public func withTransaction<T: Sendable>(
        database: String? = nil, bookmarks: [String] = [], mode: BoltAccessMode = .write,
        _ body: (BoltTransaction) async throws -> T
    ) async throws -> T {
        let transaction = try await beginTransaction(database: database, bookmarks: bookmarks, mode: mode)
        do {
            let value = try await body(transaction)
            try await transaction.commit()
            return value
        } catch {
            try? await transaction.rollback()
            throw error
        }
    }
}
