import Crypto
import Foundation

/// The sealed layout of one secret: `0x01 | nonce (12) | ciphertext | tag (16)`, AES-256-GCM with a random
/// nonce per seal and the secret's name as associated data (so a value copied to another name does not open).
enum SecretBox {
    /// The layout version byte.
    static let version: UInt8 = 1
    /// Version, nonce and tag: the size of an empty value's box.
    static let overhead = 1 + 12 + 16

    /// Encrypts `value` for `name` under `key`.
    static func seal(_ value: String, name: String, key: MasterKey) throws -> Data {
        let box = try AES.GCM.seal(Data(value.utf8), using: key.key, nonce: AES.GCM.Nonce(),
                                   authenticating: Data(name.utf8))
        guard let combined = box.combined else {
            throw SecretsError.malformed(name: name, reason: "AES-GCM produced no combined box")
        }
        return Data([version]) + combined
    }

    /// Decrypts `sealed` stored under `name`.
    ///
    /// - Throws: ``SecretsError/malformed(name:reason:)`` for a wrong layout, ``SecretsError/cannotDecrypt(name:)``
    ///   when the key is wrong or any byte (or the name) was changed.
    static func open(_ sealed: Data, name: String, key: MasterKey) throws -> String {
        guard sealed.count >= overhead else {
            throw SecretsError.malformed(name: name, reason: "\(sealed.count) bytes, fewer than \(overhead)")
        }
        guard sealed.first == version else {
            throw SecretsError.malformed(name: name, reason: "layout version \(sealed.first ?? 0), expected \(version)")
        }
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
            plaintext = try AES.GCM.open(box, using: key.key, authenticating: Data(name.utf8))
        } catch {
            throw SecretsError.cannotDecrypt(name: name)
        }
        guard let value = String(data: plaintext, encoding: .utf8) else {
            throw SecretsError.malformed(name: name, reason: "the decrypted value is not UTF-8")
        }
        return value
    }
}
