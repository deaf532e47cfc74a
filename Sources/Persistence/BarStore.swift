import Foundation
import SQLKit
import TradingModel

/// Stored OHLCV series keyed by symbol and timeframe, upserted by bar time.
///
/// Schema (migration 1): `bar_series(id, symbol, timeframe, source)` with one row per (symbol, timeframe), and
/// `bars(series_id, time, open, high, low, close, volume)` keyed by (series_id, time).
public struct BarStore: Sendable {
    /// The store the bars live in.
    public let store: SQLStore
    /// Rows per multi-row INSERT statement (5 parameters per row, well under SQLite's 32766 and PostgreSQL's
    /// 65535 parameter limits).
    public var chunkSize: Int

    /// Bar access through `store`, inserting `chunkSize` rows per statement.
    public init(store: SQLStore, chunkSize: Int = 1_000) {
        self.store = store
        self.chunkSize = max(1, chunkSize)
    }

    /// Inserts or replaces `bars` for (`symbol`, `timeframe`) in ONE transaction: on any failure nothing is
    /// changed. Bars with the same time inside `bars` count once (the last one wins).
    ///
    /// - Throws: ``PersistenceError/invalidValue(field:value:expected:)`` for an empty symbol or a non-finite
    ///   value (checked before anything is written), ``PersistenceError/queryFailed(path:operation:reason:)``
    ///   when the database refuses (rolled back).
    /// - Complexity: O(n log n) to deduplicate, then n/chunkSize statements.
    public func insert(_ bars: [Bar], symbol: String, timeframe: Timeframe, source: String) async throws -> InsertResult {
        guard !symbol.isEmpty else {
            throw PersistenceError.invalidValue(field: "symbol", value: "empty", expected: "a symbol such as BTC/USDT")
        }
        let unique = try Self.deduplicated(bars)
        guard !unique.isEmpty else { return InsertResult(inserted: 0, updated: 0) }
        let chunkSize = chunkSize
        do {
            return try await store.transaction { db in
                let seriesID = try await Self.seriesID(db, store: store, symbol: symbol, timeframe: timeframe, source: source)
                let before = try await Self.count(db, seriesID: seriesID)
                var start = 0
                while start < unique.count {
                    let end = min(start + chunkSize, unique.count)
                    let insert = db.insert(into: "bars")
                        .columns("series_id", "time", "open", "high", "low", "close", "volume")
                    // Integers go in as exact numeric literals (cheaper than binds, same SQL on every backend);
                    // prices are bound so that every Double round-trips bit for bit.
                    let series = SQLLiteral.numeric(String(seriesID))
                    for bar in unique[start..<end] {
                        insert.values([
                            series, SQLLiteral.numeric(String(bar.time)), SQLBind(bar.open), SQLBind(bar.high),
                            SQLBind(bar.low), SQLBind(bar.close), SQLBind(bar.volume),
                        ])
                    }
                    try await insert.onConflict(with: ["series_id", "time"]) {
                        $0.set(excludedValueOf: "open").set(excludedValueOf: "high").set(excludedValueOf: "low")
                            .set(excludedValueOf: "close").set(excludedValueOf: "volume")
                    }.run()
                    start = end
                }
                let after = try await Self.count(db, seriesID: seriesID)
                let inserted = after - before
                return InsertResult(inserted: inserted, updated: unique.count - inserted)
            }
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(
                path: store.path, operation: "storing \(unique.count) \(symbol) \(timeframe) bars (rolled back, nothing changed)",
                reason: SQLStore.describe(error))
        }
    }

    /// Stored bars of a series with `from <= time <= to` (either bound optional), ascending by time.
    public func bars(symbol: String, timeframe: Timeframe, from: Int64? = nil, to: Int64? = nil) async throws -> [Bar] {
        do {
            return try await store.withDatabase { db in
                let query = db.select()
                    .columns(["time", "open", "high", "low", "close", "volume"].map { SQLColumn($0, table: "b") })
                    .from(SQLAlias(SQLIdentifier("bars"), as: SQLIdentifier("b")))
                    .join(SQLAlias(SQLIdentifier("bar_series"), as: SQLIdentifier("s")), method: SQLJoinMethod.inner,
                          on: SQLColumn("id", table: "s"), .equal, SQLColumn("series_id", table: "b"))
                    .where(SQLColumn("symbol", table: "s"), .equal, SQLBind(symbol))
                    .where(SQLColumn("timeframe", table: "s"), .equal, SQLBind(timeframe.description))
                if let from { query.where(SQLColumn("time", table: "b"), .greaterThanOrEqual, SQLBind(from)) }
                if let to { query.where(SQLColumn("time", table: "b"), .lessThanOrEqual, SQLBind(to)) }
                let rows = try await query.orderBy(SQLColumn("time", table: "b")).all()
                var bars: [Bar] = []
                bars.reserveCapacity(rows.count)
                for row in rows {
                    bars.append(Bar(
                        time: try row.decode(column: "time", as: Int64.self),
                        open: try row.decode(column: "open", as: Double.self),
                        high: try row.decode(column: "high", as: Double.self),
                        low: try row.decode(column: "low", as: Double.self),
                        close: try row.decode(column: "close", as: Double.self),
                        volume: try row.decode(column: "volume", as: Double.self)))
                }
                return bars
            }
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "reading \(symbol) \(timeframe) bars",
                                               reason: SQLStore.describe(error))
        }
    }

    /// Every stored series with its bar count, time range and sources, sorted by symbol then timeframe length.
    public func series() async throws -> [SeriesSummary] {
        do {
            let rows = try await store.withDatabase { db in
                try await db.select()
                    .column(SQLColumn("symbol", table: "s"))
                    .column(SQLColumn("timeframe", table: "s"))
                    .column(SQLColumn("source", table: "s"))
                    .column(SQLFunction("COUNT", args: SQLColumn("time", table: "b")), as: "bar_count")
                    .column(SQLFunction("MIN", args: SQLColumn("time", table: "b")), as: "first_time")
                    .column(SQLFunction("MAX", args: SQLColumn("time", table: "b")), as: "last_time")
                    .from(SQLAlias(SQLIdentifier("bar_series"), as: SQLIdentifier("s")))
                    .join(SQLAlias(SQLIdentifier("bars"), as: SQLIdentifier("b")), method: SQLJoinMethod.left,
                          on: SQLColumn("series_id", table: "b"), .equal, SQLColumn("id", table: "s"))
                    .groupBy(SQLColumn("symbol", table: "s"))
                    .groupBy(SQLColumn("timeframe", table: "s"))
                    .groupBy(SQLColumn("source", table: "s"))
                    .all()
            }
            var summaries: [SeriesSummary] = []
            for row in rows {
                let text = try row.decode(column: "timeframe", as: String.self)
                guard let timeframe = Timeframe(text) else {
                    throw PersistenceError.invalidValue(field: "bar_series.timeframe", value: "'\(text)'",
                                                        expected: "a timeframe like 1m, 1h, 1d")
                }
                summaries.append(SeriesSummary(
                    symbol: try row.decode(column: "symbol", as: String.self), timeframe: timeframe,
                    count: try row.decode(column: "bar_count", as: Int.self),
                    first: try row.decode(column: "first_time", as: Int64?.self),
                    last: try row.decode(column: "last_time", as: Int64?.self),
                    source: try row.decode(column: "source", as: String.self)))
            }
            return summaries.sorted { ($0.symbol, $0.timeframe.seconds) < ($1.symbol, $1.timeframe.seconds) }
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "listing series", reason: SQLStore.describe(error))
        }
    }

    /// The id of the series, created if new; `source` is added to its source list.
    private static func seriesID(_ db: any SQLDatabase, store: SQLStore, symbol: String, timeframe: Timeframe, source: String) async throws -> Int64 {
        // Concurrent writers of one series (PostgreSQL) take turns, so that no source-list update is lost.
        try await store.lock("bar_series:\(symbol)|\(timeframe)", in: db)
        let existing = try await db.select().column("id").column("source").from("bar_series")
            .where("symbol", .equal, SQLBind(symbol))
            .where("timeframe", .equal, SQLBind(timeframe.description))
            .first()
        if let existing {
            let id = try existing.decode(column: "id", as: Int64.self)
            let sources = try existing.decode(column: "source", as: String.self)
            let merged = Self.mergeSources(sources, source)
            if merged != sources {
                try await db.update("bar_series").set("source", to: SQLBind(merged)).where("id", .equal, SQLBind(id)).run()
            }
            return id
        }
        // Two writers may create series at once (PostgreSQL): allocate the id under a lock, then look again.
        try await store.lock("bar_series", in: db)
        if let created = try await db.select().column("id").from("bar_series")
            .where("symbol", .equal, SQLBind(symbol))
            .where("timeframe", .equal, SQLBind(timeframe.description))
            .first() {
            return try created.decode(column: "id", as: Int64.self)
        }
        let maxID = try await db.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "max_id")
            .from("bar_series").first()?.decode(column: "max_id", as: Int64?.self) ?? nil
        let id = (maxID ?? 0) + 1
        try await db.insert(into: "bar_series").columns("id", "symbol", "timeframe", "source")
            .values(SQLBind(id), SQLBind(symbol), SQLBind(timeframe.description), SQLBind(source))
            .run()
        return id
    }

    private static func count(_ db: any SQLDatabase, seriesID: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("bars")
            .where("series_id", .equal, SQLBind(seriesID))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Sorted, comma-separated union of the stored sources and a new one.
    static func mergeSources(_ stored: String, _ new: String) -> String {
        var set = Set(stored.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        set.insert(new.trimmingCharacters(in: .whitespaces))
        set.remove("")
        return set.sorted().joined(separator: ", ")
    }

    /// Bars sorted by time with the last of each duplicate time kept; rejects non-finite values.
    static func deduplicated(_ bars: [Bar]) throws -> [Bar] {
        func check(_ i: Int, _ name: String, _ value: Double) throws {
            guard value.isFinite else {
                throw PersistenceError.invalidValue(field: "bars[\(i)].\(name)", value: "\(value)",
                                                    expected: "a finite number (validate the data before storing)")
            }
        }
        for (i, bar) in bars.enumerated() {
            try check(i, "open", bar.open)
            try check(i, "high", bar.high)
            try check(i, "low", bar.low)
            try check(i, "close", bar.close)
            try check(i, "volume", bar.volume)
        }
        var sorted = true
        for i in bars.indices.dropFirst() where bars[i].time <= bars[i - 1].time {
            sorted = false
            break
        }
        if sorted { return bars }
        let ordered = bars.indices.sorted { (bars[$0].time, $0) < (bars[$1].time, $1) }.map { bars[$0] }
        var unique: [Bar] = []
        unique.reserveCapacity(ordered.count)
        for bar in ordered {
            if let last = unique.last, last.time == bar.time {
                unique[unique.count - 1] = bar
            } else {
                unique.append(bar)
            }
        }
        return unique
    }
}
