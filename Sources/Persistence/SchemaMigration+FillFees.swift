import SQLKit

extension SchemaMigration {
    /// Migration 11: the asset each journaled fill's fee was charged in and the amount in that asset
    /// (`journal_fills.fee_asset`, `journal_fills.fee_amount` as an exact decimal text). Venues charge commissions
    /// in the base asset (Binance buys), the quote asset or a third one (BNB), and the reconciler and an operator
    /// need to see which. Rows written before this migration have `''` for both: their fee was in quote currency
    /// (the `fill_json` of such a row has no `feeAsset` and decodes to the quote). One column per statement, since
    /// SQLite alters a table one column at a time; runs unchanged on PostgreSQL.
    static let fillFeeAssets = SchemaMigration(version: 11, name: "fill fee assets") { db in
        try await db.alter(table: "journal_fills").column("fee_asset", type: .text, .notNull, .default("")).run()
        try await db.alter(table: "journal_fills").column("fee_amount", type: .text, .notNull, .default("")).run()
    }
}
