import Foundation
import SQLKit
import TradingCore
import TradingModel

/// The write-ahead ``OrderJournal`` in the SQL store (migration 3). Every append is its own committed
/// transaction, so an intent is durable when ``recordIntent(_:strategy:session:time:)`` returns and the process
/// may die at any point after. Only SQLKit builders are used: the same code runs on SQLite and PostgreSQL.
public struct OrderJournalStore: OrderJournal {
    /// The store the journal lives in.
    public let store: SQLStore

    /// Journal access through `store` (opened with the built-in migrations).
    public init(store: SQLStore) { self.store = store }

    public func recordIntent(_ request: OrderRequest, strategy: String, session: String, time: Int64) async throws {
        guard !request.clientOrderId.isEmpty else {
            throw PersistenceError.invalidValue(field: "order intent clientOrderId", value: "empty",
                                                expected: "a unique client order id")
        }
        let json = try Self.encode(request)
        try await write("journaling intent \(request.clientOrderId)") { db in
            let existing = try await db.select().column("client_order_id").from("journal_orders")
                .where("client_order_id", .equal, SQLBind(request.clientOrderId)).first()
            guard existing == nil else {
                throw PersistenceError.invalidValue(field: "order intent clientOrderId", value: request.clientOrderId,
                                                    expected: "an id never journaled before (ids are idempotency keys)")
            }
            try await db.insert(into: "journal_orders")
                .columns("client_order_id", "session", "strategy", "symbol", "state", "venue_order_id", "reason",
                         "request_json", "event_count", "created_at", "updated_at")
                .values(SQLBind(request.clientOrderId), SQLBind(session), SQLBind(strategy), SQLBind(request.symbol),
                        SQLBind(JournalOrderState.intent.rawValue), SQLBind(""), SQLBind(""), SQLBind(json),
                        SQLBind(Int64(0)), SQLBind(time), SQLBind(time))
                .run()
        }
    }

    @discardableResult
    public func record(_ event: ExecutionEvent) async throws -> Bool {
        try await write("journaling \(Self.kind(of: event)) of \(event.clientOrderId)") { db in
            guard let (loaded, count) = try await Self.load(event.clientOrderId, db: db) else { return false }
            var order = loaded
            guard order.apply(event) else { return false }
            // A fill already journaled may come back as its order's completion: an event then, but no new fill row.
            let newFill = order.fills.count > loaded.fills.count ? order.fills.last : nil
            let time = Self.time(of: event)
            try await db.insert(into: "journal_events")
                .columns("client_order_id", "seq", "kind", "time", "event_json")
                .values(SQLBind(order.clientOrderId), SQLBind(count + 1), SQLBind(Self.kind(of: event)), SQLBind(time),
                        SQLBind(try Self.encode(event)))
                .run()
            if let fill = newFill {
                try await db.insert(into: "journal_fills")
                    .columns("client_order_id", "trade_id", "time", "fill_json", "fee_asset", "fee_amount")
                    .values(SQLBind(fill.clientOrderId), SQLBind(fill.tradeId), SQLBind(fill.time),
                            SQLBind(try Self.encode(fill)), SQLBind(fill.feeAsset), SQLBind(fill.feeAmount.description))
                    .run()
            }
            try await Self.update(order, count: count + 1, db: db)
            return true
        }
    }

    public func close(clientOrderId: String, as state: JournalOrderState, reason: String, time: Int64) async throws {
        guard state.isTerminal else {
            throw PersistenceError.invalidValue(field: "journal close state", value: state.rawValue,
                                                expected: "a terminal state (failed, closed_out, canceled, ...)")
        }
        try await write("closing \(clientOrderId) as \(state.rawValue)") { db in
            guard let (loaded, count) = try await Self.load(clientOrderId, db: db) else {
                throw PersistenceError.invalidValue(field: "journal close clientOrderId", value: clientOrderId,
                                                    expected: "an order in the journal")
            }
            var order = loaded
            order.state = state
            order.reason = reason
            order.updatedAt = time
            try await db.insert(into: "journal_events")
                .columns("client_order_id", "seq", "kind", "time", "event_json")
                .values(SQLBind(clientOrderId), SQLBind(count + 1), SQLBind(state.rawValue), SQLBind(time),
                        SQLBind(try Self.encode(["reason": reason])))
                .run()
            try await Self.update(order, count: count + 1, db: db)
        }
    }

    public func order(clientOrderId: String) async throws -> JournalOrder? {
        try await read("reading order \(clientOrderId)") { db in try await Self.load(clientOrderId, db: db)?.0 }
    }

    public func orders(in states: Set<JournalOrderState>?, session: String?) async throws -> [JournalOrder] {
        try await read("listing journaled orders") { db in
            let query = db.select().column("client_order_id").from("journal_orders")
            if let states { query.where("state", .in, SQLBind.group(states.map(\.rawValue).sorted())) }
            if let session { query.where("session", .equal, SQLBind(session)) }
            let ids = try await query.orderBy("created_at").orderBy("client_order_id")
                .all(decodingColumn: "client_order_id", as: String.self)
            var orders: [JournalOrder] = []
            orders.reserveCapacity(ids.count)
            for id in ids { if let (order, _) = try await Self.load(id, db: db) { orders.append(order) } }
            return orders
        }
    }

    /// Every append commits on its own; nothing is buffered.
    public func flush() async throws {}

    /// The kinds of the events journaled for one order, in arrival order (`accepted`, `filled`, `failed`, ...).
    public func eventKinds(clientOrderId: String) async throws -> [String] {
        try await read("reading events of \(clientOrderId)") { db in
            try await db.select().column("kind").from("journal_events")
                .where("client_order_id", .equal, SQLBind(clientOrderId)).orderBy("seq")
                .all(decodingColumn: "kind", as: String.self)
        }
    }
}
