import Foundation
import JWTKit

/// The payload of an API token: subject, role, issuer `graphwiz`, issued-at and expiry.
public struct APITokenClaims: JWTPayload, Equatable {
    /// The issuer every token carries.
    public static let issuer = "graphwiz"

    /// Who the token was issued to.
    public var sub: SubjectClaim
    /// The role it grants.
    public var role: APIRole
    /// Always ``issuer``.
    public var iss: IssuerClaim
    /// When it was issued.
    public var iat: IssuedAtClaim
    /// When it stops being accepted.
    public var exp: ExpirationClaim

    /// Claims for `subject` with `role`, valid from `issuedAt` for `ttl` seconds.
    public init(subject: String, role: APIRole, issuedAt: Date = Date(), ttl: TimeInterval) {
        self.sub = SubjectClaim(value: subject)
        self.role = role
        self.iss = IssuerClaim(value: Self.issuer)
        self.iat = IssuedAtClaim(value: issuedAt)
        self.exp = ExpirationClaim(value: issuedAt.addingTimeInterval(ttl))
    }

    /// Refuses expired tokens and tokens of another issuer.
    public func verify(using algorithm: some JWTAlgorithm) async throws {
        guard exp.value > Date() else { throw APITokenRejection.expired(exp.value) }
        guard iss.value == Self.issuer else { throw APITokenRejection.wrongIssuer(iss.value) }
    }
}

/// Why a syntactically valid, correctly signed token was refused.
enum APITokenRejection: Error {
    case expired(Date)
    case wrongIssuer(String)
}
