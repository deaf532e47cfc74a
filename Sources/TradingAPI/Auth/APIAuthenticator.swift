import Foundation
import GraphwizConfig
import JWTKit

/// Turns a bearer token or an API key into an ``APIIdentity``, or an ``APIError`` (401).
///
/// HS256 tokens are checked against the HMAC secret; `EdDSA` tokens against the Ed25519 key when one is
/// configured. The header's `alg` picks the key set, so a token cannot choose a weaker algorithm: `none`,
/// `HS384`, `RS256` or any other value is refused before any signature check.
public struct APIAuthenticator: Sendable {
    let hmac: JWTKeyCollection
    let eddsa: JWTKeyCollection?
    let apiKeys: [APIKeyEntry]

    /// An authenticator for `security`.
    public init(security: APISecurity) async throws(APIConfigurationError) {
        guard security.jwtSecret.utf8.count >= APIKeyLength.minimumJWTSecretBytes else {
            throw APIConfigurationError("security.jwt_secret is \(security.jwtSecret.utf8.count) bytes; at least \(APIKeyLength.minimumJWTSecretBytes) required (an HS256 key as long as its hash)")
        }
        hmac = JWTKeyCollection()
        await hmac.add(hmac: APISigningKey.hmac(security.jwtSecret), digestAlgorithm: .sha256)
        if let x = security.eddsaPublicKey {
            let collection = JWTKeyCollection()
            do {
                await collection.add(eddsa: try EdDSA.PublicKey(x: x, curve: .ed25519))
            } catch {
                throw APIConfigurationError("security: eddsa public key is not a base64url Ed25519 key (\(x.count) characters)")
            }
            eddsa = collection
        } else {
            eddsa = nil
        }
        apiKeys = security.apiKeys
    }

    /// The identity of a JWT; 401 `token_expired` or `invalid_token` otherwise.
    public func verify(token: String) async throws(APIError) -> APIIdentity {
        let keys: JWTKeyCollection
        switch Self.algorithm(of: token) {
        case "HS256": keys = hmac
        case "EdDSA" where eddsa != nil: keys = eddsa!
        case let alg:
            throw APIError.unauthorized("invalid_token", "token algorithm '\(alg ?? "?")' is not accepted; expected HS256\(eddsa == nil ? "" : " or EdDSA")")
        }
        do {
            let claims = try await keys.verify(token, as: APITokenClaims.self)
            return APIIdentity(subject: claims.sub.value, role: claims.role, method: .jwt)
        } catch APITokenRejection.expired(let date) {
            throw APIError.unauthorized("token_expired", "token expired at \(ISO8601DateFormatter().string(from: date))")
        } catch APITokenRejection.wrongIssuer(let issuer) {
            throw APIError.unauthorized("invalid_token", "token issuer '\(issuer)' is not '\(APITokenClaims.issuer)'")
        } catch {
            throw APIError.unauthorized("invalid_token", "token signature or claims are invalid")
        }
    }

    /// The identity of a static API key; 401 `invalid_api_key` otherwise. Compares every configured digest
    /// in constant time, without stopping at the first match.
    public func verify(apiKey: String) throws(APIError) -> APIIdentity {
        let candidate = APIKeyEntry.digest(of: apiKey)
        var found: APIKeyEntry?
        for entry in apiKeys where entry.matches(candidate) { found = entry }
        guard let entry = found else { throw APIError.unauthorized("invalid_api_key", "API key is not recognised") }
        return APIIdentity(subject: "key:\(entry.name)", role: entry.role, method: .apiKey)
    }

    /// The `alg` of a compact JWS header, or nil when the header is unreadable.
    static func algorithm(of token: String) -> String? {
        guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first,
              let data = Data(base64URL: String(header)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["alg"] as? String
    }
}

extension Data {
    /// Decodes unpadded base64url.
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
