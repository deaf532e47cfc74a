import Foundation
import Logging
import Persistence

/// Named secrets encrypted at rest in the store (AES-256-GCM under the ``MasterKey``). Values are only ever
/// returned by ``value(of:)``: never logged, listed or put in an error message.
public struct SecretVault: Sendable {
    /// The encrypted records.
    public let records: SecretRecordStore
    private let key: MasterKey
    private let logger: Logger

    /// A vault over `store` (opened with the built-in migrations, which include the `secrets` table).
    public init(store: SQLStore, key: MasterKey, logger: Logger = Logger(label: "graphwiz.secrets")) {
        self.records = SecretRecordStore(store: store)
        self.key = key
        self.logger = logger
    }

    /// Encrypts and stores `value` as `name`, replacing an existing value.
    ///
    /// Refuses (``SecretsError/masterKeyMismatch(name:existing:)``) when the database already holds secrets
    /// that this key does not decrypt, so one database never mixes keys.
    public func set(_ name: String, value: String, now: Int64 = LoggingRuntime.wallClock()) async throws {
        try SecretRecordStore.validate(name: name)
        guard !value.isEmpty else { throw SecretsError.emptyValue(name: name) }
        if let existing = try await records.list().first, let stored = try await records.get(name: existing.name) {
            do {
                _ = try SecretBox.open(stored.sealed, name: stored.name, key: key)
            } catch SecretsError.cannotDecrypt {
                logger.error("refused to store a secret under another master key", metadata: ["name": "\(name)"])
                throw SecretsError.masterKeyMismatch(name: name, existing: stored.name)
            }
        }
        let sealed = try SecretBox.seal(value, name: name, key: key)
        try await records.put(name: name, sealed: sealed, now: now)
        logger.info("stored secret", metadata: ["name": "\(name)", "database": "\(records.store.path)"])
    }

    /// The decrypted value of `name`.
    ///
    /// - Throws: ``SecretsError/notFound(name:database:)``, ``SecretsError/cannotDecrypt(name:)`` (wrong key or
    ///   altered bytes) or ``SecretsError/malformed(name:reason:)``.
    public func value(of name: String) async throws -> String {
        guard let stored = try await records.get(name: name) else {
            throw SecretsError.notFound(name: name, database: records.store.path)
        }
        do {
            let value = try SecretBox.open(stored.sealed, name: name, key: key)
            logger.debug("decrypted secret", metadata: ["name": "\(name)"])
            return value
        } catch {
            logger.error("cannot decrypt secret", metadata: ["name": "\(name)", "reason": "\(error)"])
            throw error
        }
    }

    /// Names and dates of the stored secrets, sorted by name.
    public func list() async throws -> [StoredSecretSummary] {
        try await records.list()
    }

    /// Deletes `name`.
    ///
    /// - Throws: ``SecretsError/notFound(name:database:)`` when there is no such secret.
    public func remove(_ name: String) async throws {
        guard try await records.remove(name: name) else {
            throw SecretsError.notFound(name: name, database: records.store.path)
        }
        logger.info("removed secret", metadata: ["name": "\(name)"])
    }
}
