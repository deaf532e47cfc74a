import Foundation
import SQLKit
import TradingCore
import TradingModel

extension OrderJournalStore {
    /// Runs `body` in one transaction, wrapping failures in a message naming the database and the operation.
    func write<T>(_ operation: String, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await store.transaction(body)
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "\(operation) (nothing changed)",
                                               reason: "\(error)")
        }
    }

    /// Runs a read, wrapping failures like ``write(_:_:)``.
    func read<T>(_ operation: String, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await store.withDatabase(body)
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: operation, reason: "\(error)")
        }
    }

    /// The order row with its fills, and its event count; nil when unknown.
    static func load(_ id: String, db: any SQLDatabase) async throws -> (JournalOrder, Int64)? {
        guard let row = try await db.select()
            .columns("session", "strategy", "state", "venue_order_id", "reason", "request_json", "event_count",
                     "created_at", "updated_at")
            .from("journal_orders").where("client_order_id", .equal, SQLBind(id)).first() else { return nil }
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = JournalOrderState(rawValue: stateText) else {
            throw PersistenceError.invalidValue(field: "journal_orders.state of \(id)", value: stateText,
                                                expected: JournalOrderState.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let request = try decode(OrderRequest.self, try row.decode(column: "request_json", as: String.self),
                                 field: "journal_orders.request_json of \(id)")
        let fillTexts = try await db.select().column("fill_json").from("journal_fills")
            .where("client_order_id", .equal, SQLBind(id)).orderBy("time").orderBy("trade_id")
            .all(decodingColumn: "fill_json", as: String.self)
        let fills = try fillTexts.map { try decode(Fill.self, $0, field: "journal_fills.fill_json of \(id)") }
        let order = JournalOrder(
            request: request, strategy: try row.decode(column: "strategy", as: String.self),
            session: try row.decode(column: "session", as: String.self), state: state,
            venueOrderId: try row.decode(column: "venue_order_id", as: String.self), fills: fills,
            reason: try row.decode(column: "reason", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
        return (order, try row.decode(column: "event_count", as: Int64.self))
    }

    /// Writes the order's state columns.
    static func update(_ order: JournalOrder, count: Int64, db: any SQLDatabase) async throws {
        try await db.update("journal_orders")
            .set("state", to: SQLBind(order.state.rawValue))
            .set("venue_order_id", to: SQLBind(order.venueOrderId))
            .set("reason", to: SQLBind(order.reason))
            .set("event_count", to: SQLBind(count))
            .set("updated_at", to: SQLBind(order.updatedAt))
            .where("client_order_id", .equal, SQLBind(order.clientOrderId))
            .run()
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, field: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw PersistenceError.invalidValue(field: field, value: "'\(text.prefix(60))'",
                                                expected: "JSON of a \(type) (\(error))")
        }
    }

    /// The event's name as journaled.
    static func kind(of event: ExecutionEvent) -> String {
        switch event {
        case .accepted: return "accepted"
        case .rejected: return "rejected"
        case .triggered: return "triggered"
        case .filled: return "filled"
        case .canceled: return "canceled"
        case .cancelRejected: return "cancel_rejected"
        case .expired: return "expired"
        }
    }

    /// The event's Unix ms.
    static func time(of event: ExecutionEvent) -> Int64 {
        switch event {
        case let .accepted(_, _, time), let .rejected(_, _, time), let .triggered(_, time), let .canceled(_, _, time),
             let .cancelRejected(_, _, time), let .expired(_, _, time):
            return time
        case let .filled(fill): return fill.time
        }
    }
}
