import Testing
@testable import GraphwizConfig

@Suite struct RedactionTests {
    @Test func secretsArePrintedAsStarsAndOtherValuesAsIs() throws {
        var config = AppConfiguration()
        config.neo4j.password = "graph-pass"
        config.exchanges.binance.apiKey = "bk-123"
        config.exchanges.kraken.apiSecret = "ks-456"
        config.ai.apiKey = "sk-789"
        config.security.jwtSecret = "jwt-000"
        config.security.apiKeys = ["key-a", "key-b"]
        config.database.url = "postgres://trader:pg-pass@db:5432/graphwiz"
        let yaml = try config.redactedYAML()
        for secret in ["graph-pass", "bk-123", "ks-456", "sk-789", "jwt-000", "key-a", "key-b", "pg-pass"] {
            #expect(!yaml.contains(secret), "\(secret) leaked")
        }
        #expect(yaml.contains("  password: '***'\n"))
        #expect(yaml.contains("  jwt_secret: '***'\n"))
        #expect(yaml.contains("  api_keys:\n  - '***'\n  - '***'\n"))
        #expect(yaml.contains("  url: postgres://trader:***@db:5432/graphwiz\n"))
        #expect(yaml.contains("  user: neo4j\n"))
        #expect(yaml.contains("  max_drawdown: 0.15\n"))
        #expect(yaml.contains("  max_tokens: 1024\n"))
        #expect(yaml.contains("      fast: 10.0\n"))
    }

    @Test func emptySecretsStayEmptySoAnUnsetKeyIsVisible() throws {
        let yaml = try AppConfiguration().redactedYAML()
        #expect(yaml.contains("    api_key: ''\n"))
    }

    @Test func passwordlessDatabaseURLIsUnchanged() {
        #expect(AppConfiguration.redactingPassword(in: "postgres://trader@db/x") == "postgres://trader@db/x")
        #expect(AppConfiguration.redactingPassword(in: "data/graphwiz.sqlite") == "data/graphwiz.sqlite")
    }

    @Test func redactedOutputLoadsBackToTheSameNonSecretValues() throws {
        var config = AppConfiguration()
        config.trading.symbols = ["ETH/USDT"]
        config.logging.modules = ["b": .debug, "a": .error]
        let yaml = try config.redactedYAML()
        #expect(yaml.contains("  modules:\n    a: error\n    b: debug\n"))
        // The only non-empty secret of the defaults is shown as '***', which is too short to load as a JWT secret:
        // an operator pasting the shown file back must put a real secret there.
        #expect(yaml.contains("  jwt_secret: '***'\n"))
        let secret = "a-real-secret-put-back-by-the-operator"
        let pasted = yaml.replacingOccurrences(of: "  jwt_secret: '***'\n", with: "  jwt_secret: '\(secret)'\n")
        var expected = config
        expected.security.jwtSecret = secret
        #expect(try ConfigLoader(environment: [:]).load(yaml: pasted, source: "shown.yaml") == expected)
    }
}
