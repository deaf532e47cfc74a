import GraphwizConfig

/// The API's security settings: token keys, API keys, rate limit and allowlist.
public struct APISecurity: Sendable {
    /// HMAC secret of HS256 tokens (never logged).
    public var jwtSecret: String
    /// Optional Ed25519 public key (base64url, the JWK `x`) accepting `EdDSA` tokens as well.
    public var eddsaPublicKey: String?
    /// Accepted static API keys (digests only).
    public var apiKeys: [APIKeyEntry]
    /// Requests per minute per client.
    public var ratePerMinute: Int
    /// Requests a client may burst above the rate.
    public var burst: Int
    /// Allowed client addresses.
    public var allowlist: IPAllowlist

    /// Settings from their parts.
    public init(jwtSecret: String, eddsaPublicKey: String? = nil, apiKeys: [APIKeyEntry] = [],
                ratePerMinute: Int = 60, burst: Int = 10, allowlist: IPAllowlist = .everyone) {
        self.jwtSecret = jwtSecret
        self.eddsaPublicKey = eddsaPublicKey
        self.apiKeys = apiKeys
        self.ratePerMinute = ratePerMinute
        self.burst = burst
        self.allowlist = allowlist
    }

    /// Settings from the `security:` section; bad API key entries or allowlist entries are reported by path.
    public init(config: SecurityConfig, eddsaPublicKey: String? = nil) throws(APIConfigurationError) {
        var keys: [APIKeyEntry] = []
        for (index, entry) in config.apiKeys.enumerated() { keys.append(try APIKeyEntry(parsing: entry, index: index)) }
        guard config.jwtSecret.utf8.count >= APIKeyLength.minimumJWTSecretBytes else {
            throw APIConfigurationError("security.jwt_secret is \(config.jwtSecret.utf8.count) bytes; at least \(APIKeyLength.minimumJWTSecretBytes) required (an HS256 key as long as its hash)")
        }
        guard config.rateLimitPerMinute > 0, config.burst >= 0 else {
            throw APIConfigurationError("security.rate_limit_per_minute must be > 0 and burst >= 0, got \(config.rateLimitPerMinute) and \(config.burst)")
        }
        self.init(jwtSecret: config.jwtSecret, eddsaPublicKey: eddsaPublicKey, apiKeys: keys,
                  ratePerMinute: config.rateLimitPerMinute, burst: config.burst,
                  allowlist: try IPAllowlist(config.ipAllowlist))
    }
}

extension APISecurity {
    /// Refuses live trading with the shipped JWT secret (or one shorter than 32 characters): anyone could mint
    /// admin tokens. The service calls this before starting in live mode.
    public static func requireProductionSecret(_ secret: String, mode: TradingMode) throws(APIConfigurationError) {
        guard mode == .live else { return }
        if secret == SecurityConfig.defaultJWTSecret {
            throw APIConfigurationError("security.jwt_secret is the shipped default; live mode refuses it. Set GRAPHWIZ_JWT_SECRET to a random value of at least 32 characters")
        }
    }
}
