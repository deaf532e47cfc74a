import ArgumentParser

/// API keys for live trading come from the environment (or the config's exchanges section); never printed.
enum TradeCredentials {
    /// The variable names holding `venue`'s key and secret.
    static func variables(venue: String) -> (key: String, secret: String) {
        let prefix = venue.uppercased()
        return ("\(prefix)_API_KEY", "\(prefix)_API_SECRET")
    }

    /// Refuses live trading when the key or the secret is missing (names the variables, never the values).
    static func require(venue: String, environment: [String: String]) throws {
        let (key, secret) = variables(venue: venue)
        let missing = [key, secret].filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw ValidationError("live trading on \(venue) needs API keys: set \(missing.joined(separator: " and ")) "
                + "in the environment; nothing was sent")
        }
    }
}
