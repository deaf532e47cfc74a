import Testing

/// The store contract on a SQLite file.
@Suite struct SQLiteStoreContractTests {
    @Test func migrationsApplyOnceAndReopeningChangesNothing() async throws { try await StoreContract.migrationsApplyOnceAndReopeningChangesNothing(.sqlite) }
    @Test func concurrentOpensMigrateExactlyOnce() async throws { try await StoreContract.concurrentOpensMigrateExactlyOnce(.sqlite) }
    @Test func aFailingMigrationRollsBackAndNamesItself() async throws { try await StoreContract.aFailingMigrationRollsBackAndNamesItself(.sqlite) }
    @Test func barsRoundTripExactlyAndReimportIsIdempotent() async throws { try await StoreContract.barsRoundTripExactlyAndReimportIsIdempotent(.sqlite) }
    @Test func seriesListCountsRangesAndSources() async throws { try await StoreContract.seriesListCountsRangesAndSources(.sqlite) }
    @Test func runsSaveListGetAndReplace() async throws { try await StoreContract.runsSaveListGetAndReplace(.sqlite) }
    @Test func aThrowingTransactionChangesNothing() async throws { try await StoreContract.aThrowingTransactionChangesNothing(.sqlite) }
    @Test func concurrentWritersOnTwoStoresLoseNothing() async throws { try await StoreContract.concurrentWritersOnTwoStoresLoseNothing(.sqlite) }
    @Test func secretRecordsStoreListAndRemove() async throws { try await StoreContract.secretRecordsStoreListAndRemove(.sqlite) }
}
