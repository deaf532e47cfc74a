import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import GraphwizConfig
import JWTKit
import Testing
@testable import TradingAPI

@Suite struct TokenTests {
    static func status(_ headers: HTTPFields, security: APISecurity? = nil) async throws -> (Int, String?) {
        try await APIFixtures.application(security: security).test(.router) { client in
            try await client.execute(uri: "/api/v1/portfolio", method: .get, headers: headers) { response in
                (Int(response.status.code), APIFixtures.errorCode(response.body))
            }
        }
    }

    @Test func expiredTokenIs401TokenExpired() async throws {
        let token = try await APITokenIssuer(secret: APIFixtures.secret)
            .issue(subject: "old", role: .admin, ttl: 60, now: Date().addingTimeInterval(-3600))
        let (status, code) = try await Self.status(APIFixtures.bearer(token))
        #expect(status == 401)
        #expect(code == "token_expired")
    }

    @Test func tamperedPayloadIs401() async throws {
        let token = try await APIFixtures.token(.viewer)
        var parts = token.split(separator: ".").map(String.init)
        let forged = #"{"sub":"x","role":"admin","iss":"graphwiz","iat":1700000000,"exp":4102444800}"#
        parts[1] = Data(forged.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let (status, code) = try await Self.status(APIFixtures.bearer(parts.joined(separator: ".")))
        #expect(status == 401)
        #expect(code == "invalid_token")
    }

    @Test func tokenSignedWithAnotherSecretIs401() async throws {
        let token = try await APITokenIssuer(secret: "some-other-secret-of-sufficient-length-0123456789").issue(subject: "x", role: .viewer, ttl: 60)
        let (status, code) = try await Self.status(APIFixtures.bearer(token))
        #expect(status == 401)
        #expect(code == "invalid_token")
    }

    @Test func wrongAlgorithmIs401EvenWithTheRightSecret() async throws {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: APIFixtures.secret), digestAlgorithm: .sha512)
        let hs512 = try await keys.sign(APITokenClaims(subject: "x", role: .admin, ttl: 600))
        #expect(APIAuthenticator.algorithm(of: hs512) == "HS512")
        let (status, code) = try await Self.status(APIFixtures.bearer(hs512))
        #expect(status == 401)
        #expect(code == "invalid_token")
    }

    @Test func unsignedNoneTokenIs401() async throws {
        func b64(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        }
        let none = b64(#"{"alg":"none","typ":"JWT"}"#) + "." + b64(#"{"sub":"x","role":"admin","iss":"graphwiz","iat":1,"exp":4102444800}"#) + "."
        let (status, code) = try await Self.status(APIFixtures.bearer(none))
        #expect(status == 401)
        #expect(code == "invalid_token")
    }

    @Test func eddsaTokenIsAcceptedOnlyWhenItsKeyIsConfigured() async throws {
        let privateKey = Curve25519.Signing.PrivateKey()
        let keys = JWTKeyCollection()
        await keys.add(eddsa: EdDSA.PrivateKey(backing: privateKey))
        let token = try await keys.sign(APITokenClaims(subject: "ed", role: .viewer, ttl: 600))
        let x = privateKey.publicKey.rawRepresentation.base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let accepted = try await Self.status(APIFixtures.bearer(token), security: try APIFixtures.security(eddsaPublicKey: x))
        #expect(accepted.0 == 200)
        let refused = try await Self.status(APIFixtures.bearer(token))
        #expect(refused.0 == 401)
        #expect(refused.1 == "invalid_token")
    }

    @Test func staticAPIKeyAuthenticatesWithItsRole() async throws {
        #expect(try await Self.status([.init("X-API-Key")!: APIFixtures.traderKey]).0 == 200)
        let wrong = try await Self.status([.init("X-API-Key")!: "trader-key-0123456789abcdeX"])
        #expect(wrong.0 == 401)
        #expect(wrong.1 == "invalid_api_key")
    }

    @Test func apiKeyEntriesAcceptDigestsAndRejectBadSyntax() throws {
        let entry = APIKeyEntry.configurationEntry(role: .admin, key: "k-0123456789abcdef")
        #expect(entry == "admin:sha256:" + SHA256.hash(data: Data("k-0123456789abcdef".utf8)).map { String(format: "%02x", $0) }.joined())
        let parsed = try APIKeyEntry(parsing: entry, index: 0)
        #expect(parsed.role == .admin)
        #expect(parsed.matches(APIKeyEntry.digest(of: "k-0123456789abcdef")))
        #expect(!parsed.matches(APIKeyEntry.digest(of: "k-0123456789abcdeg")))
        #expect(throws: APIConfigurationError("security.api_keys[3]: expected 'ROLE:KEY' or 'ROLE:sha256:HEX' with ROLE viewer, trader or admin")) {
            try APIKeyEntry(parsing: "root:whatever-long-enough", index: 3)
        }
        #expect(throws: APIConfigurationError("security.api_keys[0]: key must be at least 16 characters, got 5")) {
            try APIKeyEntry(parsing: "viewer:short", index: 0)
        }
    }

    @Test func malformedAuthorizationHeaderIs401() async throws {
        let (status, code) = try await Self.status([.authorization: "Basic dXNlcjpwYXNz"])
        #expect(status == 401)
        #expect(code == "invalid_token")
    }

    @Test func liveModeRefusesTheDefaultSecret() throws {
        #expect(throws: APIConfigurationError.self) {
            try APISecurity.requireProductionSecret(SecurityConfig.defaultJWTSecret, mode: .live)
        }
        try APISecurity.requireProductionSecret(SecurityConfig.defaultJWTSecret, mode: .paper)
        try APISecurity.requireProductionSecret(String(repeating: "k", count: 32), mode: .live)
    }

    @Test func ttlParsesUnits() {
        #expect(APITokenIssuer.parseTTL("1h") == 3600)
        #expect(APITokenIssuer.parseTTL("15m") == 900)
        #expect(APITokenIssuer.parseTTL("2d") == 172_800)
        #expect(APITokenIssuer.parseTTL("45") == 45)
        #expect(APITokenIssuer.parseTTL("0s") == nil)
        #expect(APITokenIssuer.parseTTL("soon") == nil)
    }
}
