import SQLKit

extension SchemaMigration {
    /// Migration 10: `secrets(name, sealed, created_at, updated_at)`, one row per named secret. `sealed` is
    /// the base64 text of an already encrypted box (nonce, ciphertext, tag): the store never sees a value.
    public static let secrets = SchemaMigration(version: 10, name: "encrypted secrets") { db in
        try await db.create(table: "secrets")
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("sealed", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .run()
    }
}
