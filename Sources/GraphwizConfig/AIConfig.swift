/// Which LLM API the agents call.
public enum AIProvider: String, Sendable, Hashable, Codable, CaseIterable {
    /// No LLM calls (the default).
    case none
    /// The OpenAI API.
    case openai
    /// The Anthropic API.
    case anthropic
    /// Any server speaking the OpenAI API at `ai.base_url` (e.g. a local model server).
    case openAICompatible = "openai_compatible"
}

/// The `ai:` section.
public struct AIConfig: Sendable, Hashable, Codable {
    /// Default `none` (no LLM calls).
    public var provider: AIProvider = .none
    /// Model name; default empty.
    public var model = ""
    /// API base URL (needed for `openai_compatible`); default empty.
    public var baseURL = ""
    /// API key (a secret); default empty.
    public var apiKey = ""
    /// Sampling temperature, 0 to 2; default 0.2.
    public var temperature = 0.2
    /// Most tokens per answer; default 1024.
    public var maxTokens = 1024
    /// Seconds an answer stays cached; default 3600.
    public var cacheTTLS = 3600

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case provider, model, baseURL = "base_url", apiKey = "api_key", temperature, maxTokens = "max_tokens"
        case cacheTTLS = "cache_ttl_s"
    }
}
