/// A query result whose records are streamed: the first batch arrives with the query, later
/// batches are fetched with `PULL n` as the consumer iterates, so at most ``fetchSize`` records
/// are buffered (back-pressure). Iterate it once; ``collect()`` gathers everything.
public struct BoltResult: AsyncSequence, Sendable {
    /// Each element is one record.
    public typealias Element = BoltRecord

    /// Column names.
    public let keys: [String]
    /// Records requested per PULL.
    public let fetchSize: Int64
    let connection: BoltConnection
    let streamID: UInt64
    let qid: Int64
    let firstBatch: [[BoltValue]]
    let firstHasMore: Bool
    let firstSummary: [String: BoltValue]

    /// Iterates the records, pulling further batches on demand.
    public func makeAsyncIterator() -> Iterator {
        Iterator(result: self)
    }

    /// Reads every remaining record and the final summary.
    public func collect() async throws -> BoltQueryResult {
        var iterator = makeAsyncIterator()
        var records: [BoltRecord] = []
        while let record = try await iterator.next() { records.append(record) }
        return BoltQueryResult(keys: keys, records: records, summary: iterator.summary)
    }

    /// Pulls records batch by batch.
    public struct Iterator: AsyncIteratorProtocol {
        let result: BoltResult
        private var batch: [[BoltValue]]
        private var position = 0
        private var hasMore: Bool
        /// Metadata of the latest PULL SUCCESS; after the last record it holds `bookmark`, `stats`, `t_last`.
        public private(set) var summary: [String: BoltValue]

        init(result: BoltResult) {
            self.result = result
            self.batch = result.firstBatch
            self.hasMore = result.firstHasMore
            self.summary = result.firstSummary
        }

        /// The next record, or nil when the stream is exhausted.
        /// - Throws: ``BoltError`` when a PULL fails or another query discarded this stream.
        public mutating func next() async throws -> BoltRecord? {
            while position == batch.count {
                guard hasMore else { return nil }
                let pulled = try await result.connection.pull(stream: result.streamID, qid: result.qid,
                                                              n: result.fetchSize)
                batch = pulled.records
                position = 0
                hasMore = pulled.hasMore
                summary = pulled.summary
            }
            defer { position += 1 }
            return BoltRecord(keys: result.keys, values: batch[position])
        }
    }
}
