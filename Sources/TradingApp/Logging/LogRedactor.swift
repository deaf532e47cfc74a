import Logging

/// Replaces the values of secret-looking metadata keys with `***`, at any depth of nested dictionaries and
/// lists, before a line is formatted.
public enum LogRedactor {
    /// What a redacted value becomes.
    public static let mask = "***"

    /// Lower-case fragments that mark a key as secret (`binance_api_key`, `jwtSecret`, `db_password`, ...).
    public static let secretFragments = [
        "api_key", "apikey", "api-key", "secret", "password", "passwd", "passphrase", "token", "private_key",
        "privatekey", "authorization", "credential",
    ]

    /// Whether `key` names a secret: it contains one of ``secretFragments``, ignoring case.
    public static func isSecret(key: String) -> Bool {
        let lowered = key.lowercased()
        return secretFragments.contains { lowered.contains($0) }
    }

    /// `metadata` with every secret key's value (whatever its shape) replaced by ``mask``.
    /// - Complexity: O(n) in the number of metadata values; returns `metadata` unchanged when nothing is secret.
    public static func redact(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var result = metadata
        for (key, value) in metadata {
            if isSecret(key: key) {
                result[key] = .string(mask)
            } else {
                result[key] = redact(value)
            }
        }
        return result
    }

    private static func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string, .stringConvertible:
            return value
        case let .dictionary(nested):
            return .dictionary(redact(nested))
        case let .array(items):
            return .array(items.map(redact))
        }
    }
}
