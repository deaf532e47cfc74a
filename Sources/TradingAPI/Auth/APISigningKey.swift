import GraphwizConfig
import JWTKit

/// The HS256 key of a configured secret: its UTF-8 bytes, which must be at least
/// ``APIKeyLength/minimumJWTSecretBytes`` long (configuration validation refuses shorter secrets with the key's
/// name; ``APISecurity`` checks the same for secrets given in code).
enum APISigningKey {
    static func hmac(_ secret: String) -> HMACKey {
        let bytes = Array(secret.utf8)
        precondition(bytes.count >= APIKeyLength.minimumJWTSecretBytes,
                     "JWT secret of \(bytes.count) bytes; at least \(APIKeyLength.minimumJWTSecretBytes) required (validate the configuration first)")
        return HMACKey(from: bytes)
    }
}
