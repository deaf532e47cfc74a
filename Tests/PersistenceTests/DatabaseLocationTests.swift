import Testing
@testable import Persistence

@Suite struct DatabaseLocationTests {
    @Test(arguments: [
        ("data/graphwiz.sqlite", DatabaseLocation.sqlite(path: "data/graphwiz.sqlite")),
        ("sqlite:///var/lib/graphwiz/db.sqlite", .sqlite(path: "/var/lib/graphwiz/db.sqlite")),
        ("postgres://u:p@db:5432/graphwiz", .postgres(url: "postgres://u:p@db:5432/graphwiz")),
        ("postgresql://u@db/graphwiz", .postgres(url: "postgresql://u@db/graphwiz")),
    ])
    func theSettingSelectsTheBackend(setting: String, location: DatabaseLocation) {
        #expect(DatabaseLocation(setting) == location)
    }

    @Test func messagesNeverShowThePassword() {
        #expect(DatabaseLocation("postgres://graphwiz:s3cret@127.0.0.1:5432/graphwiz?sslmode=disable").description
            == "postgres://graphwiz:***@127.0.0.1:5432/graphwiz?sslmode=disable")
        #expect(DatabaseLocation("postgres://graphwiz@127.0.0.1/graphwiz").description == "postgres://graphwiz@127.0.0.1/graphwiz")
        #expect(DatabaseLocation("data/a:b@c.sqlite").description == "data/a:b@c.sqlite")
    }

    @Test func aMalformedPostgresUrlIsReportedWithoutItsPassword() async throws {
        await #expect(throws: PersistenceError.openFailed(
            path: "postgres://:***@/x", reason: "not a PostgreSQL URL; expected postgres://user:password@host:port/database")) {
            try await SQLStore.withStore(.postgres(url: "postgres://:pw@/x")) { _ in }
        }
    }

    @Test func lockIdsAreStableAcrossRuns() {
        #expect(SQLStore.lockID("") == Int64(bitPattern: 0xcbf2_9ce4_8422_2325))
        #expect(SQLStore.lockID("graphwiz.schema_migrations") == SQLStore.lockID("graphwiz.schema_migrations"))
        #expect(SQLStore.lockID("a") == Int64(bitPattern: 0xaf63_dc4c_8601_ec8c))
    }
}
