import GraphwizConfig

/// Resolves `secret:NAME` references (in the configuration, in exchange settings) to the decrypted values of
/// the stored secrets; any other value is returned unchanged.
public struct SecretResolver: Sendable {
    /// The reference prefix: `api_key: secret:binance_api_key`.
    public static let prefix = "secret:"

    private let lookup: @Sendable (String) async throws -> String

    /// A resolver that asks `lookup` for the value of a name.
    public init(lookup: @escaping @Sendable (String) async throws -> String) {
        self.lookup = lookup
    }

    /// A resolver over the secrets of `vault`.
    public init(vault: SecretVault) {
        self.init { name in try await vault.value(of: name) }
    }

    /// The secret name of a `secret:NAME` reference, or nil for a plain value.
    public static func referencedName(_ value: String) -> String? {
        guard value.hasPrefix(prefix) else { return nil }
        return String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
    }

    /// `value`, or the secret it references.
    ///
    /// - Parameter field: the setting's path, for the error message.
    /// - Throws: ``SecretsError/unresolved(field:name:reason:)``.
    public func resolve(_ value: String, field: String = "value") async throws -> String {
        guard let name = Self.referencedName(value) else { return value }
        do {
            return try await lookup(name)
        } catch {
            throw SecretsError.unresolved(field: field, name: name, reason: "\(error)")
        }
    }

    /// `config` with every secret-bearing setting that holds a reference resolved: the exchanges' API keys and
    /// secrets, the AI API key, the Neo4j password, the JWT secret and the static API keys.
    public func resolve(_ config: AppConfiguration) async throws -> AppConfiguration {
        var resolved = config
        resolved.exchanges.binance.apiKey = try await resolve(config.exchanges.binance.apiKey, field: "exchanges.binance.api_key")
        resolved.exchanges.binance.apiSecret = try await resolve(config.exchanges.binance.apiSecret,
                                                                 field: "exchanges.binance.api_secret")
        resolved.exchanges.kraken.apiKey = try await resolve(config.exchanges.kraken.apiKey, field: "exchanges.kraken.api_key")
        resolved.exchanges.kraken.apiSecret = try await resolve(config.exchanges.kraken.apiSecret,
                                                                field: "exchanges.kraken.api_secret")
        resolved.ai.apiKey = try await resolve(config.ai.apiKey, field: "ai.api_key")
        resolved.neo4j.password = try await resolve(config.neo4j.password, field: "neo4j.password")
        resolved.security.jwtSecret = try await resolve(config.security.jwtSecret, field: "security.jwt_secret")
        var keys: [String] = []
        for (index, key) in config.security.apiKeys.enumerated() {
            keys.append(try await resolve(key, field: "security.api_keys[\(index)]"))
        }
        resolved.security.apiKeys = keys
        return resolved
    }
}
