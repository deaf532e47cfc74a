/// Credentials and endpoint of one exchange.
public struct ExchangeConfig: Sendable, Hashable, Codable {
    /// Whether the exchange is used; default false.
    public var enabled = false
    /// API key (a secret); default empty.
    public var apiKey = ""
    /// API secret (a secret); default empty.
    public var apiSecret = ""
    /// Use the exchange's testnet; default true.
    public var testnet = true
    /// REST base URL override; empty (the default) uses the exchange's own.
    public var baseURL = ""

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case enabled, apiKey = "api_key", apiSecret = "api_secret", testnet, baseURL = "base_url"
    }
}

/// The `exchanges:` section.
public struct ExchangesConfig: Sendable, Hashable, Codable {
    /// Binance spot.
    public var binance = ExchangeConfig()
    /// Kraken spot.
    public var kraken = ExchangeConfig()

    /// The defaults.
    public init() {}
}
