import TradingModel

/// The write-ahead order journal: every order intent is made durable before the request leaves for the
/// venue, and everything the venue says about it (acks, fills, cancels, rejections) is appended as it arrives.
/// After a crash the journal alone says which orders may be at the venue, so reconciliation can ask the venue
/// about exactly those and nothing is submitted twice.
///
/// Implementations must be idempotent per event: appending the same fill (same trade id) twice records it
/// once, and events for unknown client order ids are ignored (returns false).
public protocol OrderJournal: Sendable {
    /// Records the full request before it is sent. Throws if the intent could not be made durable; the
    /// caller must then not send the request. Runs on the caller's executor where the implementation allows
    /// (`nonisolated(nonsending)`): on the path from a bar to its order, a hop costs more than the work.
    nonisolated(nonsending) func recordIntent(_ request: OrderRequest, strategy: String, session: String, time: Int64) async throws

    /// Appends a venue event to the order it is about; returns false when the journal does not know the order
    /// or the event changed nothing (a fill already recorded).
    @discardableResult
    nonisolated(nonsending) func record(_ event: ExecutionEvent) async throws -> Bool

    /// Marks an intent or order as finished without a venue event: `failed` (never reached the venue) or
    /// `closedOut` (the venue no longer has it), with the reason.
    func close(clientOrderId: String, as state: JournalOrderState, reason: String, time: Int64) async throws

    /// The order with its fills, or nil when never journaled.
    func order(clientOrderId: String) async throws -> JournalOrder?

    /// Orders in any of `states` (every state when nil), of one session or all (nil), oldest first.
    func orders(in states: Set<JournalOrderState>?, session: String?) async throws -> [JournalOrder]

    /// Makes everything appended so far durable (a no-op for stores that commit every append).
    func flush() async throws
}

extension OrderJournal {
    /// Orders that may still be working at the venue (intents without an answer included), oldest first.
    public func unfinishedOrders(session: String? = nil) async throws -> [JournalOrder] {
        try await orders(in: JournalOrderState.unfinished, session: session)
    }
}
