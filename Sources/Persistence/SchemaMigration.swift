import SQLKit

/// One versioned step of the database schema. Applied once, inside a transaction, and recorded in
/// `schema_migrations(version, applied_at)`.
///
/// Migrations use portable SQL (SQLKit builders; BIGINT, DOUBLE PRECISION, TEXT) so that the same list runs on
/// SQLite and PostgreSQL. Other modules append their own migrations with higher versions (the knowledge graph:
/// 20 and up).
public struct SchemaMigration: Sendable {
    /// Version number, unique across all modules; pending migrations apply in ascending version order.
    public let version: Int
    /// Short human name, for messages.
    public let name: String
    /// Applies the change.
    public let apply: @Sendable (any SQLDatabase) async throws -> Void

    /// A migration to `version` named `name` that runs `apply`.
    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }

    /// The SQL type for exact round trips of `Double` on every backend.
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))

    /// The migrations of this module: bar series and bars (1), stored runs (2), order journal (3),
    /// encrypted secrets (10), fill fee assets (11).
    public static let builtIn: [SchemaMigration] = [bars, runs, orderJournal, secrets, fillFeeAssets]

    static let bars = SchemaMigration(version: 1, name: "bar series and bars") { db in
        try await db.create(table: "bar_series")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("symbol", type: .text, .notNull)
            .column("timeframe", type: .text, .notNull)
            .column("source", type: .text, .notNull)
            .unique("symbol", "timeframe")
            .run()
        try await db.create(table: "bars")
            .column("series_id", type: .bigint, .notNull)
            .column("time", type: .bigint, .notNull)
            .column("open", type: double, .notNull)
            .column("high", type: double, .notNull)
            .column("low", type: double, .notNull)
            .column("close", type: double, .notNull)
            .column("volume", type: double, .notNull)
            .primaryKey("series_id", "time")
            .run()
    }

    static let runs = SchemaMigration(version: 2, name: "stored runs") { db in
        try await db.create(table: "runs")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("created_at", type: .bigint, .notNull)
            .column("kind", type: .text, .notNull)
            .column("strategy", type: .text, .notNull)
            .column("symbols", type: .text, .notNull)
            .column("timeframe", type: .text, .notNull)
            .column("metrics_json", type: .text, .notNull)
            .column("config_json", type: .text, .notNull)
            .column("report_json", type: .text, .notNull)
            .run()
        try await db.create(index: "runs_created_at").on("runs").column("created_at").run()
    }
}
