import ArgumentParser
import Exchanges

/// API keys for live trading come from the environment (or the config's exchanges section); never printed.
enum TradeCredentials {
    /// Refuses live trading when the settings (environment or `--config`) lack the key or the secret; names
    /// the variables, never the values.
    static func require(_ settings: ExchangeSettings) throws {
        let names = ExchangeConnectionOptions.keyVariables(settings.venue)
        var missing: [String] = []
        if settings.apiKey.isEmpty { missing.append(names.key) }
        if settings.apiSecret.isEmpty { missing.append(names.secret) }
        guard missing.isEmpty else {
            throw ValidationError("live trading on \(settings.venue.rawValue) needs API keys: set "
                + "\(missing.joined(separator: " and ")) in the environment (or exchanges.\(settings.venue.rawValue) "
                + "in --config); nothing was sent")
        }
    }

    /// The variable names holding `venue`'s key and secret.
    static func variables(venue: String) -> (key: String, secret: String) {
        let prefix = venue.uppercased()
        return ("\(prefix)_API_KEY", "\(prefix)_API_SECRET")
    }

    /// Refuses live trading when the environment lacks the key or the secret (names the variables, never the
    /// values); used by `serve`.
    static func require(venue: String, environment: [String: String]) throws {
        let (key, secret) = variables(venue: venue)
        let missing = [key, secret].filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw ValidationError("live trading on \(venue) needs API keys: set \(missing.joined(separator: " and ")) "
                + "in the environment; nothing was sent")
        }
    }
}
