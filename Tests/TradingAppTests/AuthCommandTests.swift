import ArgumentParser
import Foundation
import Testing
import TradingAPI
@testable import TradingApp

@Suite struct AuthCommandTests {
    @Test func tokenIsSignedWithTheConfiguredSecretAndCarriesRoleAndTTL() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let secret = "a-configured-secret-of-at-least-32-chars"
        let command = try DataTestDirectory.parse(["auth", "token", "--role", "trader", "--ttl", "15m", "--subject", "ops",
                                                   "--env-file", dir.path(".env")], as: AuthToken.self)
        let (output, warning) = try await command.perform(process: ["GRAPHWIZ_SECURITY__JWT_SECRET": secret])
        #expect(output.exitCode == 0)
        #expect(warning == nil)
        let token = output.text.trimmingCharacters(in: .newlines)
        let identity = try await APIAuthenticator(security: APISecurity(jwtSecret: secret)).verify(token: token)
        #expect(identity == APIIdentity(subject: "ops", role: .trader, method: .jwt))
        let payload = try #require(Data(base64Encoded: Self.padded(String(token.split(separator: ".")[1]))))
        let claims = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        #expect((claims["exp"] as? Double).map(Int.init)! - (claims["iat"] as? Double).map(Int.init)! == 900)
        await #expect(throws: APIError.self) {
            try await APIAuthenticator(security: APISecurity(jwtSecret: "another-secret-another-secret-xx")).verify(token: token)
        }
    }

    @Test func tokenFromTheDefaultSecretWarns() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let command = try DataTestDirectory.parse(["auth", "token", "--role", "viewer", "--env-file", dir.path(".env")], as: AuthToken.self)
        let (output, warning) = try await command.perform(process: [:])
        #expect(output.exitCode == 0)
        #expect(warning == "warning: signed with the shipped default security.jwt_secret; fine for simulation, refused in live mode")
    }

    @Test func badRoleAndTTLAreRejectedByTheParser() {
        #expect(throws: (any Error).self) { try GraphwizCommand.parseAsRoot(["auth", "token", "--role", "root"]) }
        #expect(throws: (any Error).self) { try GraphwizCommand.parseAsRoot(["auth", "token", "--role", "admin", "--ttl", "forever"]) }
    }

    @Test func apiKeyPrintsAKeyAndTheDigestEntryThatAcceptsIt() throws {
        let output = try DataTestDirectory.parse(["auth", "api-key", "--role", "admin"], as: AuthAPIKey.self).perform()
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let key = String(lines[0].dropFirst("key: ".count))
        let entry = String(lines[1].dropFirst("config entry: ".count))
        #expect(key.hasPrefix("gwk_") && key.count == 36)
        #expect(entry.hasPrefix("admin:sha256:") && entry.count == "admin:sha256:".count + 64)
        #expect(!entry.contains(key))
        let parsed = try APIKeyEntry(parsing: entry, index: 0)
        #expect(parsed.digest == APIKeyEntry.digest(of: key))
    }

    static func padded(_ base64URL: String) -> String {
        var text = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return text
    }
}
