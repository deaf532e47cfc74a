/// Key paths inside a configuration: components are keys or `[i]` list indices.
enum ConfigPath {
    /// `trading.strategies[0].sizing`.
    static func display(_ components: [String]) -> String {
        var out = ""
        for c in components {
            if c.hasPrefix("[") || out.isEmpty { out += c } else { out += "." + c }
        }
        return out
    }

    /// The schema pattern: every index becomes `[]`, e.g. `trading.strategies[].sizing`.
    static func pattern(_ components: [String]) -> String {
        display(components.map { $0.hasPrefix("[") ? "[]" : $0 })
    }

    /// Whether a key names a secret: it contains `secret`, `password` or `api_key`, or is `token` or ends
    /// in `_token` (`max_tokens` is not a secret).
    static func isSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return ["secret", "password", "api_key"].contains { k.contains($0) } || k == "token" || k.hasSuffix("_token")
    }

    /// Whether any component of the path is a secret key.
    static func isSecret(path components: [String]) -> Bool { components.contains { isSecret($0) } }
}
