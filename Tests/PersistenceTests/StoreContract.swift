import Foundation
import MarketData
import SQLKit
import Testing
import TradingModel
@testable import Persistence

/// The behaviour every store backend must share; run by ``SQLiteStoreContractTests`` and
/// ``PostgresStoreContractTests``.
enum StoreContract {
    /// Runs `body` with a fresh database on `backend`, removed afterwards.
    static func withDatabase(_ backend: TestDatabase.Backend, _ body: (DatabaseLocation) async throws -> Void) async throws {
        let database = try await TestDatabase.make(backend)
        do {
            try await body(database.location)
            await database.remove()
        } catch {
            await database.remove()
            throw error
        }
    }

    static func bars(_ count: Int, seed: UInt64 = 1) throws -> [Bar] {
        var generator = try SyntheticBarGenerator(seed: seed, timeframe: .oneMinute)
        return generator.generate(count: count)
    }

    static func migrationsApplyOnceAndReopeningChangesNothing(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let first = try await SQLStore.withStore(location) { try await appliedAt($0) }
            let second = try await SQLStore.withStore(location) { try await appliedAt($0) }
            #expect(first.map(\.0) == [1, 2, 3, 10, 11])
            #expect(first.map(\.1) == second.map(\.1))
            let store = try await SQLStore.open(location)
            #expect(store.backend.rawValue == backend.rawValue)
            try await store.close()
        }
    }

    static func concurrentOpensMigrateExactlyOnce(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let counter = MigrationCounter()
            let counted = SchemaMigration(version: 30, name: "counted") { db in
                await counter.increment()
                try await db.create(table: "counted").column("id", type: .bigint, .primaryKey(autoIncrement: false)).run()
            }
            let versions = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await SQLStore.withStore(location, migrations: SchemaMigration.builtIn + [counted]) {
                            try await $0.appliedMigrations()
                        }
                    }
                }
                var all: [[Int]] = []
                for try await versions in group { all.append(versions) }
                return all
            }
            #expect(versions == Array(repeating: [1, 2, 3, 10, 11, 30], count: 6))
            #expect(await counter.count == 1)
        }
    }

    static func aFailingMigrationRollsBackAndNamesItself(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let broken = SchemaMigration(version: 31, name: "broken") { db in
                try await db.create(table: "half").column("id", type: .bigint).run()
                try await db.raw("THIS IS NOT SQL").run()
            }
            await #expect {
                try await SQLStore.withStore(location, migrations: SchemaMigration.builtIn + [broken]) { _ in }
            } throws: { error in
                guard case let PersistenceError.migrationFailed(path, version, name, _) = error else { return false }
                return path == location.description && version == 31 && name == "broken"
            }
            let (versions, halfExists) = try await SQLStore.withStore(location) { store in
                let versions = try await store.appliedMigrations()
                let exists = try await store.withDatabase { db in
                    (try? await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("half").first()) != nil
                }
                return (versions, exists)
            }
            #expect(versions == [1, 2, 3, 10, 11])
            #expect(!halfExists)
        }
    }

    static func barsRoundTripExactlyAndReimportIsIdempotent(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            var bars = try Self.bars(1_500)
            bars[7].close = 3.0000000000000004
            bars[7].high = max(bars[7].high, 3.0000000000000004)
            bars[8].volume = 1e-300
            let (first, second, back, slice) = try await SQLStore.withStore(location) { store in
                let barStore = BarStore(store: store, chunkSize: 400)
                let first = try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "synthetic")
                let second = try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "csv")
                return (first, second, try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute),
                        try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute, from: bars[10].time, to: bars[19].time))
            }
            #expect(first == InsertResult(inserted: 1_500, updated: 0))
            #expect(second == InsertResult(inserted: 0, updated: 1_500))
            #expect(back == bars)
            #expect(slice == Array(bars[10...19]))
        }
    }

    static func seriesListCountsRangesAndSources(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let btc = try Self.bars(30)
            let eth = try Self.bars(12, seed: 2)
            let series = try await SQLStore.withStore(location) { store in
                let barStore = BarStore(store: store)
                _ = try await barStore.insert(btc, symbol: "BTC/USDT", timeframe: .oneMinute, source: "synthetic")
                _ = try await barStore.insert(Array(btc.prefix(5)), symbol: "BTC/USDT", timeframe: .oneMinute, source: "csv")
                _ = try await barStore.insert(eth, symbol: "ETH/USDT", timeframe: .oneMinute, source: "csv")
                return try await barStore.series()
            }
            #expect(series == [
                SeriesSummary(symbol: "BTC/USDT", timeframe: .oneMinute, count: 30, first: btc[0].time, last: btc[29].time,
                              source: "csv, synthetic"),
                SeriesSummary(symbol: "ETH/USDT", timeframe: .oneMinute, count: 12, first: eth[0].time, last: eth[11].time,
                              source: "csv"),
            ])
        }
    }

    static func runsSaveListGetAndReplace(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let run = StoredRun(id: "bt-20241124-223512-a1b2c3", createdAt: 1_732_487_712_000, kind: .backtest,
                                strategy: "sma_cross", symbols: ["BTC/USDT", "ETH/USDT"], timeframe: .oneHour,
                                metricsJSON: #"{"sharpe":1.25}"#, configJSON: #"{"fast":10}"#, reportJSON: #"{"equity":[1,2]}"#)
            var older = run
            older.id = "sw-20241123-000000-000000"
            older.createdAt -= 86_400_000
            older.kind = .sweep
            var replaced = run
            replaced.metricsJSON = #"{"sharpe":2.5}"#
            let (listed, fetched, missing) = try await SQLStore.withStore(location) { store in
                let runs = RunStore(store: store)
                try await runs.save(older)
                try await runs.save(run)
                try await runs.save(replaced)
                return (try await runs.list(limit: 10), try await runs.get(id: run.id), try await runs.get(id: "nope"))
            }
            #expect(listed == [replaced.summary, older.summary])
            #expect(fetched == replaced)
            #expect(missing == nil)
        }
    }

    static func aThrowingTransactionChangesNothing(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            struct Abort: Error {}
            let count = try await SQLStore.withStore(location) { store in
                await #expect(throws: Abort.self) {
                    try await store.transaction { db in
                        try await db.insert(into: "runs")
                            .columns("id", "created_at", "kind", "strategy", "symbols", "timeframe", "metrics_json",
                                     "config_json", "report_json")
                            .values(SQLBind("x"), SQLBind(Int64(1)), SQLBind("backtest"), SQLBind("s"), SQLBind("[]"),
                                    SQLBind("1h"), SQLBind("{}"), SQLBind("{}"), SQLBind("{}"))
                            .run()
                        throw Abort()
                    }
                }
                return try await RunStore(store: store).list().count
            }
            #expect(count == 0)
        }
    }

    /// Two store instances (two "processes") write overlapping and distinct series at once.
    static func concurrentWritersOnTwoStoresLoseNothing(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let shared = try Self.bars(600)
            let a = try await SQLStore.open(location)
            let b: SQLStore
            do {
                b = try await SQLStore.open(location)
            } catch {
                try? await a.close()
                throw error
            }
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (index, store) in [a, b, a, b, a, b].enumerated() {
                        group.addTask {
                            let barStore = BarStore(store: store, chunkSize: 100)
                            _ = try await barStore.insert(try Self.bars(300, seed: UInt64(index + 10)), symbol: "S\(index)/USDT",
                                                          timeframe: .oneMinute, source: "writer\(index)")
                            _ = try await barStore.insert(shared, symbol: "SHARED/USDT", timeframe: .oneMinute,
                                                          source: "writer\(index)")
                        }
                    }
                    try await group.waitForAll()
                }
                let series = try await BarStore(store: a).series()
                #expect(series.map(\.symbol) == ["S0/USDT", "S1/USDT", "S2/USDT", "S3/USDT", "S4/USDT", "S5/USDT", "SHARED/USDT"])
                #expect(series.map(\.count) == [300, 300, 300, 300, 300, 300, 600])
                #expect(series.last?.source == "writer0, writer1, writer2, writer3, writer4, writer5")
                #expect(try await BarStore(store: b).bars(symbol: "SHARED/USDT", timeframe: .oneMinute) == shared)
            } catch {
                try? await a.close()
                try? await b.close()
                throw error
            }
            try await a.close()
            try await b.close()
        }
    }

    static func secretRecordsStoreListAndRemove(_ backend: TestDatabase.Backend) async throws {
        try await withDatabase(backend) { location in
            let (first, replaced, listed, removed, removedAgain, after) = try await SQLStore.withStore(location) { store in
                let secrets = SecretRecordStore(store: store)
                try await secrets.put(name: "kraken_key", sealed: Data([1, 2, 3]), now: 1_000)
                try await secrets.put(name: "binance_key", sealed: Data([0, 255]), now: 2_000)
                let first = try await secrets.get(name: "binance_key")
                try await secrets.put(name: "binance_key", sealed: Data([9]), now: 3_000)
                let replaced = try await secrets.get(name: "binance_key")
                let listed = try await secrets.list()
                let removed = try await secrets.remove(name: "kraken_key")
                let removedAgain = try await secrets.remove(name: "kraken_key")
                return (first, replaced, listed, removed, removedAgain, try await secrets.list())
            }
            #expect(first == StoredSecret(name: "binance_key", sealed: Data([0, 255]), createdAt: 2_000, updatedAt: 2_000))
            #expect(replaced == StoredSecret(name: "binance_key", sealed: Data([9]), createdAt: 2_000, updatedAt: 3_000))
            #expect(listed == [StoredSecretSummary(name: "binance_key", createdAt: 2_000, updatedAt: 3_000),
                               StoredSecretSummary(name: "kraken_key", createdAt: 1_000, updatedAt: 1_000)])
            #expect(removed)
            #expect(!removedAgain)
            #expect(after.map(\.name) == ["binance_key"])
        }
    }

    private static func appliedAt(_ store: SQLStore) async throws -> [(Int, Int64)] {
        try await store.withDatabase { db in
            try await db.select().columns("version", "applied_at").from("schema_migrations").orderBy("version").all()
                .map { (try $0.decode(column: "version", as: Int.self), try $0.decode(column: "applied_at", as: Int64.self)) }
        }
    }
}

/// Counts how often a migration body ran.
actor MigrationCounter {
    private(set) var count = 0
    func increment() { count += 1 }
}
