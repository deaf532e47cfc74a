import Foundation
import SQLKit
import Testing
import TradingModel
@testable import Persistence

@Suite struct SQLStoreTests {
    @Test func openingCreatesParentDirectoriesAndAppliesMigrations() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("a/b/graphwiz.sqlite")
        let versions = try await SQLStore.withStore(path: path) { try await $0.appliedMigrations() }
        #expect(versions == [1, 2, 3, 10, 11])
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func reopeningDoesNotReapplyMigrations() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        let first = try await SQLStore.withStore(path: path) { try await Self.appliedAt($0) }
        let second = try await SQLStore.withStore(path: path) { try await Self.appliedAt($0) }
        #expect(first.count == 5)
        #expect(first == second)
    }

    @Test func laterMigrationsApplyOnReopenInOrder() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        try await SQLStore.withStore(path: path) { _ in }
        let extra = SchemaMigration(version: 100, name: "notes") { db in
            try await db.create(table: "notes").column("id", type: .bigint, .primaryKey(autoIncrement: false)).run()
        }
        let versions = try await SQLStore.withStore(path: path, migrations: SchemaMigration.builtIn + [extra]) { store in
            try await store.withDatabase { db in
                try await db.insert(into: "notes").columns("id").values(SQLBind(1)).run()
            }
            return try await store.appliedMigrations()
        }
        #expect(versions == [1, 2, 3, 10, 11, 100])
    }

    @Test func aFailingMigrationIsRolledBackAndReported() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        let broken = SchemaMigration(version: 100, name: "broken") { db in
            try await db.create(table: "half").column("id", type: .bigint).run()
            try await db.raw("THIS IS NOT SQL").run()
        }
        await #expect {
            try await SQLStore.withStore(path: path, migrations: SchemaMigration.builtIn + [broken]) { _ in }
        } throws: { error in
            guard case let PersistenceError.migrationFailed(p, version, name, _) = error else { return false }
            return p == path && version == 100 && name == "broken"
        }
        let tables = try await SQLStore.withStore(path: path) { store in
            try await store.withDatabase { db in
                try await db.select().column("name").from("sqlite_master").where("name", .equal, SQLBind("half"))
                    .all(decodingColumn: "name", as: String.self)
            }
        }
        #expect(tables.isEmpty)
        #expect(try await SQLStore.withStore(path: path) { try await $0.appliedMigrations() } == [1, 2, 3, 10, 11])
    }

    @Test func rejectsTwoMigrationsWithOneVersion() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let again = SchemaMigration(version: 2, name: "dup") { _ in }
        await #expect(throws: PersistenceError.invalidMigrations(
            reason: "version 2 is used by both 'stored runs' and 'dup'; each migration needs its own version")) {
            try await SQLStore.withStore(path: dir.path("db.sqlite"), migrations: SchemaMigration.builtIn + [again]) { _ in }
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("db.sqlite")))
    }

    @Test func appliesMigrationsListedOutOfOrderByAscendingVersion() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let order = OrderLog()
        let five = SchemaMigration(version: 5, name: "five") { _ in await order.append(5) }
        let four = SchemaMigration(version: 4, name: "four") { _ in await order.append(4) }
        let versions = try await SQLStore.withStore(path: dir.path("db.sqlite"), migrations: [five] + SchemaMigration.builtIn + [four]) {
            try await $0.appliedMigrations()
        }
        #expect(versions == [1, 2, 3, 4, 5, 10, 11])
        #expect(await order.versions == [4, 5])
    }

    @Test func transactionRollsBackWhenTheBodyThrows() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        struct Boom: Error {}
        let count = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            await #expect(throws: Boom.self) {
                try await store.transaction { db in
                    try await db.insert(into: "bar_series").columns("id", "symbol", "timeframe", "source")
                        .values(SQLBind(1), SQLBind("X"), SQLBind("1m"), SQLBind("t")).run()
                    throw Boom()
                }
            }
            return try await store.withDatabase { db in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("bar_series")
                    .first()?.decode(column: "n", as: Int.self)
            }
        }
        #expect(count == 0)
    }

    @Test func usingAClosedStoreFails() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("db.sqlite")
        let store = try await SQLStore.open(path: path)
        try await store.close()
        try await store.close()
        await #expect(throws: PersistenceError.closed(path: path)) { try await store.appliedMigrations() }
    }

    @Test func openingAnUnwritablePathFails() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let blocker = dir.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        await #expect {
            try await SQLStore.withStore(path: blocker + "/db.sqlite") { _ in }
        } throws: { error in
            guard case PersistenceError.openFailed(let path, _) = error else { return false }
            return path == blocker + "/db.sqlite"
        }
    }

    @Test func concurrentTransactionsDoNotInterleave() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let series = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            try await withThrowingTaskGroup(of: InsertResult.self) { group in
                for k in 0..<8 {
                    group.addTask {
                        let bars = (0..<300).map { i in
                            Bar(time: Int64(i) * 60_000, open: 1, high: 2, low: 0.5, close: Double(k + 1), volume: 1)
                        }
                        return try await BarStore(store: store, chunkSize: 50)
                            .insert(bars, symbol: "S\(k)", timeframe: .oneMinute, source: "task \(k)")
                    }
                }
                for try await result in group { #expect(result == InsertResult(inserted: 300, updated: 0)) }
            }
            return try await BarStore(store: store).series()
        }
        #expect(series.map(\.symbol) == (0..<8).map { "S\($0)" })
        #expect(series.allSatisfy { $0.count == 300 })
    }

    static func appliedAt(_ store: SQLStore) async throws -> [Int64] {
        try await store.withDatabase { db in
            try await db.select().column("applied_at").from("schema_migrations").orderBy("version")
                .all(decodingColumn: "applied_at", as: Int64.self)
        }
    }
}

/// Records the order in which test migrations ran.
actor OrderLog {
    private(set) var versions: [Int] = []
    func append(_ version: Int) { versions.append(version) }
}
