import Foundation

/// One encrypted secret as stored: the name and the sealed bytes, never the value.
public struct StoredSecret: Sendable, Hashable {
    /// The secret's name, e.g. `binance_api_key`.
    public var name: String
    /// The encrypted box (nonce, ciphertext and tag, as the encrypting side laid them out).
    public var sealed: Data
    /// When the secret was first stored, Unix ms.
    public var createdAt: Int64
    /// When the value was last replaced, Unix ms.
    public var updatedAt: Int64

    /// Creates a record.
    public init(name: String, sealed: Data, createdAt: Int64, updatedAt: Int64) {
        self.name = name
        self.sealed = sealed
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A secret's name and dates, as listed: no value, not even encrypted.
public struct StoredSecretSummary: Sendable, Hashable {
    /// The secret's name.
    public var name: String
    /// When the secret was first stored, Unix ms.
    public var createdAt: Int64
    /// When the value was last replaced, Unix ms.
    public var updatedAt: Int64

    /// Creates a summary.
    public init(name: String, createdAt: Int64, updatedAt: Int64) {
        self.name = name
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
