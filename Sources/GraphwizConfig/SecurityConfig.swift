/// The `security:` section.
public struct SecurityConfig: Sendable, Hashable, Codable {
    /// The shipped JWT secret: accepted for simulation and paper, refused for live trading.
    public static let defaultJWTSecret = "insecure-default-change-me-before-going-live"

    /// HMAC secret of the JWT tokens (a secret); default ``defaultJWTSecret``.
    public var jwtSecret = SecurityConfig.defaultJWTSecret
    /// Static API keys accepted instead of tokens (secrets); default none.
    public var apiKeys: [String] = []
    /// Requests per minute per client; default 60.
    public var rateLimitPerMinute = 60
    /// Requests a client may burst above the rate; default 10.
    public var burst = 10
    /// Client addresses or CIDR ranges allowed; empty (the default) allows every client.
    public var ipAllowlist: [String] = []

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case jwtSecret = "jwt_secret", apiKeys = "api_keys", rateLimitPerMinute = "rate_limit_per_minute", burst
        case ipAllowlist = "ip_allowlist"
    }
}
