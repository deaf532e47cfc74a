import Crypto
import Foundation

/// The AES-256 key that encrypts secrets at rest, read from `GRAPHWIZ_MASTER_KEY` (base64 of 32 bytes).
/// It is never stored, logged or printed.
public struct MasterKey: Sendable {
    /// The environment variable holding the key.
    public static let environmentVariable = "GRAPHWIZ_MASTER_KEY"

    /// The key.
    let key: SymmetricKey

    /// The key encoded as `base64` (surrounding whitespace ignored).
    ///
    /// - Throws: ``SecretsError/invalidMasterKey(reason:)`` when it is not base64 or not 32 bytes.
    public init(base64: String) throws {
        let text = base64.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: text) else {
            throw SecretsError.invalidMasterKey(reason: "is not valid base64 (\(text.count) characters)")
        }
        guard bytes.count == 32 else {
            throw SecretsError.invalidMasterKey(reason: "decodes to \(bytes.count) bytes")
        }
        key = SymmetricKey(data: bytes)
    }

    /// The key from `GRAPHWIZ_MASTER_KEY` in `environment`.
    ///
    /// - Throws: ``SecretsError/missingMasterKey`` when unset or empty, else as ``init(base64:)``.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MasterKey {
        guard let value = environment[environmentVariable], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw SecretsError.missingMasterKey
        }
        return try MasterKey(base64: value)
    }

    /// A new random key, base64-encoded (for `GRAPHWIZ_MASTER_KEY`).
    public static func generate() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }
}
