import TradingModel

/// An ``OrderJournal`` in memory: for tests, fakes and runs that need no durability. Same semantics as the SQL
/// journal (idempotent fills, unknown ids ignored).
public actor InMemoryOrderJournal: OrderJournal {
    private var entries: [String: JournalOrder] = [:]
    private var sequence: [String] = []

    /// An empty journal.
    public init() {}

    public func recordIntent(_ request: OrderRequest, strategy: String, session: String, time: Int64) async throws {
        guard entries[request.clientOrderId] == nil else {
            throw SessionError.failed("order journal: clientOrderId \(request.clientOrderId) was journaled before; "
                + "expected a new id (ids are idempotency keys)")
        }
        entries[request.clientOrderId] = JournalOrder(request: request, strategy: strategy, session: session, createdAt: time)
        sequence.append(request.clientOrderId)
    }

    @discardableResult
    public func record(_ event: ExecutionEvent) async throws -> Bool {
        guard var entry = entries[event.clientOrderId], entry.apply(event) else { return false }
        entries[event.clientOrderId] = entry
        return true
    }

    public func close(clientOrderId: String, as state: JournalOrderState, reason: String, time: Int64) async throws {
        guard var entry = entries[clientOrderId] else {
            throw SessionError.failed("order journal: cannot close \(clientOrderId): it was never journaled")
        }
        entry.state = state
        entry.reason = reason
        entry.updatedAt = time
        entries[clientOrderId] = entry
    }

    public func order(clientOrderId: String) async throws -> JournalOrder? { entries[clientOrderId] }

    public func orders(in states: Set<JournalOrderState>?, session: String?) async throws -> [JournalOrder] {
        sequence.compactMap { entries[$0] }.filter {
            (states?.contains($0.state) ?? true) && (session == nil || $0.session == session)
        }
    }

    public func flush() async throws {}
}
