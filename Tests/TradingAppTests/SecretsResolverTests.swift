import GraphwizConfig
import Persistence
import Testing
@testable import TradingApp

@Suite struct SecretsResolverTests {
    @Test func referencesInTheConfigurationResolveAndPlainValuesStay() async throws {
        let db = try SecretsTestSupport.database()
        defer { db.remove() }
        var config = AppConfiguration()
        config.exchanges.binance.apiKey = "secret:binance_key"
        config.exchanges.binance.apiSecret = "plain-secret"
        config.ai.apiKey = "secret: ai_key"
        config.security.apiKeys = ["static", "secret:binance_key"]
        let resolved = try await SQLStore.withStore(path: db.path) { store in
            let vault = SecretVault(store: store, key: try SecretsTestSupport.key())
            try await vault.set("binance_key", value: "BK", now: 1)
            try await vault.set("ai_key", value: "AK", now: 1)
            return try await SecretResolver(vault: vault).resolve(config)
        }
        var expected = config
        expected.exchanges.binance.apiKey = "BK"
        expected.ai.apiKey = "AK"
        expected.security.apiKeys = ["static", "BK"]
        #expect(resolved == expected)
    }

    @Test func anUnknownReferenceNamesTheSettingAndTheSecret() async throws {
        var config = AppConfiguration()
        config.exchanges.kraken.apiSecret = "secret:missing"
        let resolver = SecretResolver { name in throw SecretsError.notFound(name: name, database: "db.sqlite") }
        await #expect(throws: SecretsError.unresolved(
            field: "exchanges.kraken.api_secret", name: "missing",
            reason: "no secret named 'missing' in db.sqlite; `graphwiz secrets list` shows the stored names")) {
            try await resolver.resolve(config)
        }
        #expect(SecretResolver.referencedName("secret:abc") == "abc")
        #expect(SecretResolver.referencedName("abc") == nil)
    }
}
