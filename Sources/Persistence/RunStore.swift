import Foundation
import SQLKit
import TradingModel

/// Stored backtest and sweep runs (migration 2: table `runs`).
public struct RunStore: Sendable {
    /// The store the runs live in.
    public let store: SQLStore

    /// Run access through `store`.
    public init(store: SQLStore) {
        self.store = store
    }

    /// Saves `run`, replacing a stored run with the same id.
    ///
    /// - Throws: ``PersistenceError/invalidValue(field:value:expected:)`` for an empty id or strategy or JSON
    ///   fields that do not parse; ``PersistenceError/queryFailed(path:operation:reason:)`` otherwise.
    public func save(_ run: StoredRun) async throws {
        guard !run.id.isEmpty else {
            throw PersistenceError.invalidValue(field: "run.id", value: "empty", expected: "an id like bt-20241124-223512-a1b2c3")
        }
        guard !run.strategy.isEmpty else {
            throw PersistenceError.invalidValue(field: "run.strategy", value: "empty", expected: "a strategy name")
        }
        for (field, json) in [("metricsJSON", run.metricsJSON), ("configJSON", run.configJSON), ("reportJSON", run.reportJSON)] {
            guard (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) != nil else {
                throw PersistenceError.invalidValue(field: "run \(run.id) \(field)", value: "'\(json.prefix(40))'",
                                                    expected: "valid JSON")
            }
        }
        let symbols = try Self.encodeSymbols(run.symbols)
        do {
            try await store.transaction { db in
                try await db.insert(into: "runs")
                    .columns("id", "created_at", "kind", "strategy", "symbols", "timeframe", "metrics_json",
                             "config_json", "report_json")
                    .values(SQLBind(run.id), SQLBind(run.createdAt), SQLBind(run.kind.rawValue), SQLBind(run.strategy),
                            SQLBind(symbols), SQLBind(run.timeframe.description), SQLBind(run.metricsJSON),
                            SQLBind(run.configJSON), SQLBind(run.reportJSON))
                    .onConflict(with: ["id"]) {
                        $0.set(excludedValueOf: "created_at").set(excludedValueOf: "kind")
                            .set(excludedValueOf: "strategy").set(excludedValueOf: "symbols")
                            .set(excludedValueOf: "timeframe").set(excludedValueOf: "metrics_json")
                            .set(excludedValueOf: "config_json").set(excludedValueOf: "report_json")
                    }
                    .run()
            }
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "saving run \(run.id) (nothing changed)", reason: SQLStore.describe(error))
        }
    }

    /// The most recent runs first (ties by id, descending), at most `limit`.
    public func list(limit: Int = 50) async throws -> [StoredRunSummary] {
        do {
            let rows = try await store.withDatabase { db in
                try await db.select()
                    .columns("id", "created_at", "kind", "strategy", "symbols", "timeframe", "metrics_json")
                    .from("runs")
                    .orderBy("created_at", .descending)
                    .orderBy("id", .descending)
                    .limit(max(0, limit))
                    .all()
            }
            return try rows.map { row in
                StoredRunSummary(
                    id: try row.decode(column: "id", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                    kind: RunKind(rawValue: try row.decode(column: "kind", as: String.self)),
                    strategy: try row.decode(column: "strategy", as: String.self),
                    symbols: try Self.decodeSymbols(try row.decode(column: "symbols", as: String.self)),
                    timeframe: try Self.timeframe(try row.decode(column: "timeframe", as: String.self)),
                    metricsJSON: try row.decode(column: "metrics_json", as: String.self))
            }
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "listing runs", reason: SQLStore.describe(error))
        }
    }

    /// The run with `id`, or nil.
    public func get(id: String) async throws -> StoredRun? {
        do {
            let row = try await store.withDatabase { db in
                try await db.select().column("*").from("runs").where("id", .equal, SQLBind(id)).first()
            }
            guard let row else { return nil }
            return StoredRun(
                id: try row.decode(column: "id", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                kind: RunKind(rawValue: try row.decode(column: "kind", as: String.self)),
                strategy: try row.decode(column: "strategy", as: String.self),
                symbols: try Self.decodeSymbols(try row.decode(column: "symbols", as: String.self)),
                timeframe: try Self.timeframe(try row.decode(column: "timeframe", as: String.self)),
                metricsJSON: try row.decode(column: "metrics_json", as: String.self),
                configJSON: try row.decode(column: "config_json", as: String.self),
                reportJSON: try row.decode(column: "report_json", as: String.self))
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "reading run \(id)", reason: SQLStore.describe(error))
        }
    }

    private static func encodeSymbols(_ symbols: [String]) throws -> String {
        guard let data = try? JSONEncoder().encode(symbols) else {
            throw PersistenceError.invalidValue(field: "run.symbols", value: "\(symbols)", expected: "encodable strings")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func decodeSymbols(_ text: String) throws -> [String] {
        guard let symbols = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw PersistenceError.invalidValue(field: "runs.symbols", value: "'\(text)'", expected: "a JSON array of strings")
        }
        return symbols
    }

    private static func timeframe(_ text: String) throws -> Timeframe {
        guard let timeframe = Timeframe(text) else {
            throw PersistenceError.invalidValue(field: "runs.timeframe", value: "'\(text)'", expected: "a timeframe like 1m, 1h, 1d")
        }
        return timeframe
    }
}
