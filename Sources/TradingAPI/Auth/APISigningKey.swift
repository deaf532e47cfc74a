import Crypto
import Foundation
import JWTKit

/// The HS256 key of a configured secret: its UTF-8 bytes when at least 32 bytes long (HS256 needs a key as
/// long as the hash), otherwise the SHA-256 of them. Short secrets (the shipped default) thus still work in
/// simulation; live mode refuses them (``APISecurity/requireProductionSecret(_:mode:)``).
enum APISigningKey {
    static func hmac(_ secret: String) -> HMACKey {
        let bytes = Array(secret.utf8)
        return bytes.count >= 32 ? HMACKey(from: bytes) : HMACKey(key: SymmetricKey(data: SHA256.hash(data: bytes)))
    }
}
