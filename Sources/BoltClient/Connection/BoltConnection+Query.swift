extension BoltConnection {
    /// Runs an auto-commit query and returns its streamed result (RUN and the first `PULL n` are
    /// pipelined in one round trip).
    /// - Parameters:
    ///   - database: target database (`db`); nil for the server default.
    ///   - bookmarks: bookmarks the query must observe.
    ///   - fetchSize: records per PULL; defaults to the configuration's.
    /// - Throws: ``BoltError/server(code:message:)`` for a failing query (the connection is RESET and
    ///   stays usable), ``BoltError/transactionClosed(_:)`` when an explicit transaction is open.
    public func run(
        _ cypher: String, parameters: [String: BoltValue] = [:], database: String? = nil,
        bookmarks: [String] = [], mode: BoltAccessMode = .write, fetchSize: Int64? = nil
    ) async throws -> BoltResult {
        var extra: [String: BoltValue] = [:]
        if let database { extra["db"] = .string(database) }
        if !bookmarks.isEmpty { extra["bookmarks"] = .list(bookmarks.map(BoltValue.string)) }
        if mode == .read { extra["mode"] = "r" }
        let prelude = try session.withLockedValue { state -> [BoltRequest] in
            guard !state.transactionOpen else {
                throw BoltError.transactionClosed(
                    "an explicit transaction is open on this connection; run the query through the transaction")
            }
            return state.discardOpenStream()
        }
        return try await runStream(prelude: prelude, .run(query: cypher, parameters: parameters, extra: extra),
                                   fetchSize: fetchSize ?? configuration.fetchSize, inTransaction: false)
    }

    /// Runs an auto-commit query and collects all records.
    public func query(
        _ cypher: String, parameters: [String: BoltValue] = [:], database: String? = nil,
        bookmarks: [String] = [], mode: BoltAccessMode = .write
    ) async throws -> BoltQueryResult {
        try await run(cypher, parameters: parameters, database: database, bookmarks: bookmarks, mode: mode).collect()
    }

    /// Sends `prelude + [run, PULL n]` and builds the streamed result.
    func runStream(prelude: [BoltRequest], _ run: BoltRequest, fetchSize: Int64, inTransaction: Bool)
        async throws -> BoltResult {
        let requests = prelude + [run, .pull(n: fetchSize, qid: -1)]
        let replies = try Self.check(try await exchange(requests), requests: requests)
        guard case .success(let runMetadata, _) = replies[prelude.count],
              case .success(let pullMetadata, let records) = replies[prelude.count + 1] else {
            throw BoltError.protocolViolation("RUN/PULL replies missing")
        }
        let keys = runMetadata["fields"]?.listValue?.compactMap(\.stringValue) ?? []
        let qid = runMetadata["qid"]?.intValue ?? -1
        let hasMore = pullMetadata["has_more"]?.boolValue ?? false
        let streamID = session.withLockedValue { state -> UInt64 in
            state.nextStreamID += 1
            if hasMore {
                state.openStream = (state.nextStreamID, qid)
            } else if !inTransaction, let bookmark = pullMetadata["bookmark"]?.stringValue {
                state.lastBookmark = bookmark
            }
            return state.nextStreamID
        }
        return BoltResult(keys: keys, fetchSize: fetchSize, connection: self, streamID: streamID, qid: qid,
                          firstBatch: records, firstHasMore: hasMore, firstSummary: pullMetadata)
    }

    /// Fetches the next batch of an open stream.
    func pull(stream: UInt64, qid: Int64, n: Int64) async throws
        -> (records: [[BoltValue]], hasMore: Bool, summary: [String: BoltValue]) {
        try session.withLockedValue { state in
            guard state.openStream?.id == stream else { throw BoltError.resultConsumed }
        }
        let request = BoltRequest.pull(n: n, qid: qid)
        let replies: [BoltReply]
        do {
            replies = try Self.check(try await exchange([request]), requests: [request])
        } catch {
            session.withLockedValue { state in
                if state.openStream?.id == stream { state.openStream = nil }
            }
            throw error
        }
        guard case .success(let metadata, let records) = replies[0] else {
            throw BoltError.protocolViolation("PULL reply missing")
        }
        let hasMore = metadata["has_more"]?.boolValue ?? false
        session.withLockedValue { state in
            guard !hasMore else { return }
            if state.openStream?.id == stream { state.openStream = nil }
            if !state.transactionOpen, let bookmark = metadata["bookmark"]?.stringValue {
                state.lastBookmark = bookmark
            }
        }
        return (records, hasMore, metadata)
    }
}
