/// A secrets operation failed; the message names the variable, secret or field and what is expected, and
/// never contains a key or a value.
public enum SecretsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `GRAPHWIZ_MASTER_KEY` is not set.
    case missingMasterKey
    /// `GRAPHWIZ_MASTER_KEY` is not base64 of 32 bytes.
    case invalidMasterKey(reason: String)
    /// Decryption failed: another master key, or the stored bytes were changed.
    case cannotDecrypt(name: String)
    /// Storing `name` was refused because the master key does not open the secret `existing`.
    case masterKeyMismatch(name: String, existing: String)
    /// The stored bytes do not have the sealed layout.
    case malformed(name: String, reason: String)
    /// No secret has this name.
    case notFound(name: String, database: String)
    /// An empty value was given.
    case emptyValue(name: String)
    /// A `secret:NAME` reference in the configuration could not be resolved.
    case unresolved(field: String, name: String, reason: String)

    /// The message.
    public var description: String {
        switch self {
        case .missingMasterKey:
            return "\(MasterKey.environmentVariable) is not set; expected the base64 of 32 random bytes "
                + "(make one with `openssl rand -base64 32` and keep it outside the database)"
        case let .invalidMasterKey(reason):
            return "\(MasterKey.environmentVariable) \(reason); expected the base64 of exactly 32 bytes (44 characters)"
        case let .cannotDecrypt(name):
            return "secret '\(name)' cannot be decrypted: \(MasterKey.environmentVariable) is not the key it was "
                + "stored with, or the stored value was altered; nothing was changed"
        case let .masterKeyMismatch(name, existing):
            return "\(MasterKey.environmentVariable) does not decrypt the stored secret '\(existing)', so it is not "
                + "the key of this database; refusing to store '\(name)' under another key; nothing was changed"
        case let .malformed(name, reason):
            return "stored secret '\(name)' is malformed (\(reason)); expected a value written by `graphwiz secrets set`"
        case let .notFound(name, database):
            return "no secret named '\(name)' in \(database); `graphwiz secrets list` shows the stored names"
        case let .emptyValue(name):
            return "the value for secret '\(name)' is empty; pass --value or pipe a non-empty value on standard input"
        case let .unresolved(field, name, reason):
            return "\(field): cannot resolve secret:\(name): \(reason)"
        }
    }
}
