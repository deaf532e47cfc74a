/// The outcome of one request: its summary message, with the records that came before it.
public enum BoltReply: Sendable, Hashable {
    /// SUCCESS with its metadata; `records` holds the RECORD rows that preceded it (PULL only).
    case success(metadata: [String: BoltValue], records: [[BoltValue]])
    /// FAILURE, as a typed error carrying the server's status code.
    case failure(BoltError)
    /// IGNORED: an earlier request failed, so the server skipped this one.
    case ignored
}
