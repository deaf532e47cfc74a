import SQLKit

extension SchemaMigration {
    /// Migration 3: the write-ahead order journal. `journal_orders` holds each order's current state (rebuilt by
    /// folding its events), `journal_events` every event in arrival order per order, `journal_fills` every fill
    /// once (keyed by trade id). Portable SQL only (SQLKit builders, TEXT and BIGINT), so it runs on PostgreSQL too.
    static let orderJournal = SchemaMigration(version: 3, name: "order journal") { db in
        try await db.create(table: "journal_orders")
            .column("client_order_id", type: .text, .primaryKey(autoIncrement: false))
            .column("session", type: .text, .notNull)
            .column("strategy", type: .text, .notNull)
            .column("symbol", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("venue_order_id", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("request_json", type: .text, .notNull)
            .column("event_count", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "journal_orders_state").on("journal_orders").column("state").run()
        try await db.create(table: "journal_events")
            .column("client_order_id", type: .text, .notNull)
            .column("seq", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)
            .column("time", type: .bigint, .notNull)
            .column("event_json", type: .text, .notNull)
            .primaryKey("client_order_id", "seq")
            .run()
        try await db.create(table: "journal_fills")
            .column("client_order_id", type: .text, .notNull)
            .column("trade_id", type: .text, .notNull)
            .column("time", type: .bigint, .notNull)
            .column("fill_json", type: .text, .notNull)
            .primaryKey("client_order_id", "trade_id")
            .run()
    }
}
