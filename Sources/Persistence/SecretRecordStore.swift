import Foundation
import SQLKit

/// Encrypted secrets by name (migration 10: table `secrets`). Stores and returns sealed bytes only; sealing
/// and opening (AES-256-GCM under the master key) is the caller's job.
public struct SecretRecordStore: Sendable {
    /// The store the secrets live in.
    public let store: SQLStore

    /// Secret access through `store` (opened with ``SchemaMigration/secrets`` among its migrations).
    public init(store: SQLStore) {
        self.store = store
    }

    /// Checks that `name` is 1 to 128 characters of letters, digits, `_`, `-` and `.`.
    ///
    /// - Throws: ``PersistenceError/invalidValue(field:value:expected:)``.
    public static func validate(name: String) throws {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
        guard !name.isEmpty, name.utf8.count <= 128, allowed else {
            throw PersistenceError.invalidValue(field: "secret name", value: "'\(name)'",
                                                expected: "1 to 128 letters, digits, '_', '-' or '.'")
        }
    }

    /// Stores `sealed` under `name`, replacing a previous value (its creation date is kept).
    ///
    /// - Parameter now: the time to record, Unix ms.
    public func put(name: String, sealed: Data, now: Int64) async throws {
        try Self.validate(name: name)
        do {
            try await store.transaction { db in
                try await db.insert(into: "secrets")
                    .columns("name", "sealed", "created_at", "updated_at")
                    .values(SQLBind(name), SQLBind(sealed.base64EncodedString()), SQLBind(now), SQLBind(now))
                    .onConflict(with: ["name"]) { $0.set(excludedValueOf: "sealed").set(excludedValueOf: "updated_at") }
                    .run()
            }
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "storing secret \(name) (nothing changed)",
                                               reason: SQLStore.describe(error))
        }
    }

    /// The secret called `name`, or nil.
    public func get(name: String) async throws -> StoredSecret? {
        let row: (any SQLRow)?
        do {
            row = try await store.withDatabase { db in
                try await db.select().columns("name", "sealed", "created_at", "updated_at").from("secrets")
                    .where("name", .equal, SQLBind(name)).first()
            }
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "reading secret \(name)",
                                               reason: SQLStore.describe(error))
        }
        guard let row else { return nil }
        let text = try row.decode(column: "sealed", as: String.self)
        guard let sealed = Data(base64Encoded: text) else {
            throw PersistenceError.invalidValue(field: "secrets.sealed of \(name)", value: "\(text.count) characters",
                                                expected: "base64 text written by `graphwiz secrets set`")
        }
        return StoredSecret(name: name, sealed: sealed,
                            createdAt: try row.decode(column: "created_at", as: Int64.self),
                            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    /// Every secret's name and dates, sorted by name.
    public func list() async throws -> [StoredSecretSummary] {
        do {
            let rows = try await store.withDatabase { db in
                try await db.select().columns("name", "created_at", "updated_at").from("secrets").orderBy("name").all()
            }
            return try rows.map { row in
                StoredSecretSummary(name: try row.decode(column: "name", as: String.self),
                                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                                    updatedAt: try row.decode(column: "updated_at", as: Int64.self))
            }
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "listing secrets", reason: SQLStore.describe(error))
        }
    }

    /// Deletes the secret called `name`; false when there was none.
    @discardableResult
    public func remove(name: String) async throws -> Bool {
        do {
            return try await store.transaction { db in
                let exists = try await db.select().column("name").from("secrets")
                    .where("name", .equal, SQLBind(name)).first() != nil
                if exists { try await db.delete(from: "secrets").where("name", .equal, SQLBind(name)).run() }
                return exists
            }
        } catch {
            throw PersistenceError.queryFailed(path: store.path, operation: "removing secret \(name)",
                                               reason: SQLStore.describe(error))
        }
    }
}
