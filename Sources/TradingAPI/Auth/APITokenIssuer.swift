import Foundation
import JWTKit

/// Issues HS256 API tokens from the configured secret (`graphwiz auth token`).
public struct APITokenIssuer: Sendable {
    let keys: JWTKeyCollection

    /// An issuer signing with `secret`.
    public init(secret: String) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: APISigningKey.hmac(secret), digestAlgorithm: .sha256)
    }

    /// A token for `subject` with `role`, valid for `ttl` seconds from `now`.
    public func issue(subject: String, role: APIRole, ttl: TimeInterval, now: Date = Date()) async throws -> String {
        try await keys.sign(APITokenClaims(subject: subject, role: role, issuedAt: now, ttl: ttl))
    }

    /// Parses a TTL such as `90s`, `15m`, `1h`, `7d` (a bare number is seconds) into seconds.
    public static func parseTTL(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(text)
        var multiplier = 1.0
        if let last = text.last, let unit = units[last] {
            number = text.dropLast()
            multiplier = unit
        }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        return value * multiplier
    }
}
