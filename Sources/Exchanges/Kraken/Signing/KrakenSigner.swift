import Crypto
import Foundation

/// Computes Kraken's `API-Sign` header for private REST calls:
/// `base64(HMAC-SHA512(key: base64decode(secret), message: uri_path + SHA256(nonce + postdata)))`.
///
/// - Complexity: O(n) in the length of the POST body; one SHA-256 and one HMAC-SHA512.
public struct KrakenSigner: Sendable {
    private let key: SymmetricKey

    /// Creates a signer from the API secret exactly as Kraken shows it (base64 text).
    /// - Throws: ``KrakenConfigurationError/secretNotBase64`` when the secret is not valid base64.
    public init(base64Secret: String) throws(KrakenConfigurationError) {
        guard let data = Data(base64Encoded: base64Secret.trimmingCharacters(in: .whitespacesAndNewlines)),
              !data.isEmpty else {
            throw .secretNotBase64
        }
        key = SymmetricKey(data: data)
    }

    /// The signature of one request.
    /// - Parameters:
    ///   - path: the URI path, e.g. `/0/private/AddOrder`.
    ///   - nonce: the nonce sent in the body.
    ///   - postData: the exact form-encoded body, including `nonce=...`.
    public func signature(path: String, nonce: UInt64, postData: String) -> String {
        let inner = SHA256.hash(data: Data((String(nonce) + postData).utf8))
        var message = Data(path.utf8)
        message.append(contentsOf: inner)
        let mac = HMAC<SHA512>.authenticationCode(for: message, using: key)
        return Data(mac).base64EncodedString()
    }
}
