import Crypto
import Foundation

/// One static API key, kept only as its SHA-256 digest.
///
/// Configured as `ROLE:sha256:HEX` (the digest, so the key itself is never at rest) or `ROLE:KEY` (hashed on
/// load; the plain key is not kept). `ROLE` is `viewer`, `trader` or `admin`.
public struct APIKeyEntry: Sendable, Hashable {
    /// Granted role.
    public var role: APIRole
    /// SHA-256 of the key.
    public var digest: [UInt8]
    /// Short public name: the first 8 hex digits of the digest (safe to log).
    public var name: String { digest.prefix(4).map { String(format: "%02x", $0) }.joined() }

    /// An entry from a role and a key digest.
    public init(role: APIRole, digest: [UInt8]) {
        self.role = role
        self.digest = digest
    }

    /// Parses a configured entry; `index` names it in the error (the secret part is never echoed).
    public init(parsing text: String, index: Int) throws(APIConfigurationError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let role = APIRole(rawValue: String(parts[0])), !parts[1].isEmpty else {
            throw APIConfigurationError("security.api_keys[\(index)]: expected 'ROLE:KEY' or 'ROLE:sha256:HEX' with ROLE viewer, trader or admin")
        }
        let secret = String(parts[1])
        if secret.hasPrefix("sha256:") {
            let hex = secret.dropFirst("sha256:".count)
            guard let bytes = Self.bytes(hex: hex), bytes.count == 32 else {
                throw APIConfigurationError("security.api_keys[\(index)]: sha256 digest must be 64 hex digits, got \(hex.count) characters")
            }
            self.init(role: role, digest: bytes)
        } else {
            guard secret.count >= 16 else {
                throw APIConfigurationError("security.api_keys[\(index)]: key must be at least 16 characters, got \(secret.count)")
            }
            self.init(role: role, digest: Self.digest(of: secret))
        }
    }

    /// SHA-256 of `key`'s UTF-8 bytes.
    public static func digest(of key: String) -> [UInt8] { Array(SHA256.hash(data: Data(key.utf8))) }

    /// The `ROLE:sha256:HEX` configuration entry for `key`.
    public static func configurationEntry(role: APIRole, key: String) -> String {
        "\(role.rawValue):sha256:" + digest(of: key).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `candidate` equals ``digest``, in time independent of where they differ.
    func matches(_ candidate: [UInt8]) -> Bool {
        guard candidate.count == digest.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<digest.count { difference |= digest[i] ^ candidate[i] }
        return difference == 0
    }

    static func bytes(hex: Substring) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result
    }
}

/// A problem in the API's security settings, naming the key and what is expected.
public struct APIConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message.
    public var message: String
    /// An error with `message`.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
