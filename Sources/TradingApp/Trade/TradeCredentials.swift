import ArgumentParser
import Exchanges

/// API keys for live trading come from the environment (or the config's exchanges section); never printed.
/// Used by `trade` and `serve`.
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
}
