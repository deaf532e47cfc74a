import Synchronization
import TradingModel

/// An ``OrderJournal`` in memory: for tests, fakes, benchmarks and runs that need no durability. Same semantics
/// as the SQL journal (idempotent fills, unknown ids ignored).
///
/// A lock, not an actor: its calls run on the caller's executor (`nonisolated(nonsending)`), so a session
/// journaling an intent does not hop to another executor and back on the way to the venue.
public final class InMemoryOrderJournal: OrderJournal {
    private struct Contents {
        var entries: [String: JournalOrder] = [:]
        var sequence: [String] = []
    }

    private let contents = Mutex(Contents())

    /// An empty journal.
    public init() {}

    public nonisolated(nonsending) func recordIntent(_ request: OrderRequest, strategy: String, session: String,
                                                     time: Int64) async throws {
        try contents.withLock { c in
            guard c.entries[request.clientOrderId] == nil else {
                throw SessionError.failed("order journal: clientOrderId \(request.clientOrderId) was journaled before; "
                    + "expected a new id (ids are idempotency keys)")
            }
            c.entries[request.clientOrderId] = JournalOrder(request: request, strategy: strategy, session: session, createdAt: time)
            c.sequence.append(request.clientOrderId)
        }
    }

    @discardableResult
    public nonisolated(nonsending) func record(_ event: ExecutionEvent) async throws -> Bool {
        contents.withLock { c in
            guard var entry = c.entries[event.clientOrderId], entry.apply(event) else { return false }
            c.entries[event.clientOrderId] = entry
            return true
        }
    }

    public func close(clientOrderId: String, as state: JournalOrderState, reason: String, time: Int64) async throws {
        try contents.withLock { c in
            guard var entry = c.entries[clientOrderId] else {
                throw SessionError.failed("order journal: cannot close \(clientOrderId): it was never journaled")
            }
            entry.state = state
            entry.reason = reason
            entry.updatedAt = time
            c.entries[clientOrderId] = entry
        }
    }

    public func order(clientOrderId: String) async throws -> JournalOrder? {
        contents.withLock { $0.entries[clientOrderId] }
    }

    public func orders(in states: Set<JournalOrderState>?, session: String?) async throws -> [JournalOrder] {
        contents.withLock { c in
            c.sequence.compactMap { c.entries[$0] }.filter {
                (states?.contains($0.state) ?? true) && (session == nil || $0.session == session)
            }
        }
    }

    public func flush() async throws {}
}
