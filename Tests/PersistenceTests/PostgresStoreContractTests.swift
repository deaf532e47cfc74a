import Testing

/// The store contract on a real PostgreSQL server (`GRAPHWIZ_POSTGRES_URL`, from scripts/postgres.sh).
@Suite(.enabled(if: TestDatabase.postgresURL != nil, Comment(rawValue: TestDatabase.skipReason))) struct PostgresStoreContractTests {
    @Test func migrationsApplyOnceAndReopeningChangesNothing() async throws { try await StoreContract.migrationsApplyOnceAndReopeningChangesNothing(.postgres) }
    @Test func concurrentOpensMigrateExactlyOnce() async throws { try await StoreContract.concurrentOpensMigrateExactlyOnce(.postgres) }
    @Test func aFailingMigrationRollsBackAndNamesItself() async throws { try await StoreContract.aFailingMigrationRollsBackAndNamesItself(.postgres) }
    @Test func barsRoundTripExactlyAndReimportIsIdempotent() async throws { try await StoreContract.barsRoundTripExactlyAndReimportIsIdempotent(.postgres) }
    @Test func seriesListCountsRangesAndSources() async throws { try await StoreContract.seriesListCountsRangesAndSources(.postgres) }
    @Test func runsSaveListGetAndReplace() async throws { try await StoreContract.runsSaveListGetAndReplace(.postgres) }
    @Test func aThrowingTransactionChangesNothing() async throws { try await StoreContract.aThrowingTransactionChangesNothing(.postgres) }
    @Test func concurrentWritersOnTwoStoresLoseNothing() async throws { try await StoreContract.concurrentWritersOnTwoStoresLoseNothing(.postgres) }
    @Test func secretRecordsStoreListAndRemove() async throws { try await StoreContract.secretRecordsStoreListAndRemove(.postgres) }
}
