import ArgumentParser
import Exchanges
import Foundation
import GraphwizConfig

/// `--exchange`, `--base-url`, `--ws-url`, `--testnet`, `--config`: which venue and where, with keys from the
/// environment (`BINANCE_API_KEY`/`BINANCE_API_SECRET`, `KRAKEN_API_KEY`/`KRAKEN_API_SECRET`) or the config file.
struct ExchangeConnectionOptions: ParsableArguments {
    @Option(help: "Venue: binance or kraken.")
    var exchange: String

    @Option(help: "REST base URL override (e.g. a local fake venue); default: the venue's own.")
    var baseURL: String?

    @Option(help: "WebSocket base URL override; default: the venue's own, or ws:// of an http:// --base-url.")
    var wsURL: String?

    @Flag(help: "Use the venue's testnet (testnet.binance.vision).")
    var testnet = false

    @Option(help: "Configuration file with an exchanges: section (keys there are used when the environment has none).")
    var config: String?

    func validate() throws {
        _ = try venue()
    }

    /// The venue named by `--exchange`.
    func venue() throws -> ExchangeVenue {
        guard let venue = ExchangeVenue(rawValue: exchange.lowercased()) else {
            throw ValidationError("--exchange '\(exchange)' is not a venue; expected one of "
                + ExchangeVenue.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return venue
    }

    /// The environment variable names holding a venue's key and secret.
    static func keyVariables(_ venue: ExchangeVenue) -> (key: String, secret: String) {
        let prefix = venue.rawValue.uppercased()
        return ("\(prefix)_API_KEY", "\(prefix)_API_SECRET")
    }

    /// Settings from the options, the environment and the config file (environment wins over the file, options
    /// over both).
    func settings(environment: [String: String]) throws -> ExchangeSettings {
        try Self.settings(venue: venue(), testnet: testnet, config: config, baseURL: baseURL, wsURL: wsURL,
                          environment: environment)
    }

    /// Settings of `venue` from a config file, the environment and explicit overrides (environment wins over the
    /// file, overrides over both); shared by `exchange`, `data download` and `trade`.
    static func settings(venue: ExchangeVenue, testnet: Bool, config: String?, baseURL: String?, wsURL: String?,
                         environment: [String: String]) throws -> ExchangeSettings {
        var section: ExchangeConfig?
        if let config {
            let loaded: AppConfiguration
            do { loaded = try ConfigLoader(environment: environment).load(file: config) } catch {
                throw ValidationError("--config \(config): \(error)")
            }
            section = venue == .binance ? loaded.exchanges.binance : loaded.exchanges.kraken
        }
        return settings(venue: venue, section: section, testnet: testnet, baseURL: baseURL, wsURL: wsURL,
                        environment: environment)
    }

    /// Settings of `venue` from its `exchanges.<venue>` section (keys, testnet, `base_url`), the environment's
    /// keys and explicit overrides (environment wins over the section, overrides over both); `serve` passes the
    /// section of its loaded configuration.
    static func settings(venue: ExchangeVenue, section: ExchangeConfig?, testnet: Bool = false, baseURL: String? = nil,
                         wsURL: String? = nil, environment: [String: String]) -> ExchangeSettings {
        var settings = ExchangeSettings(venue: venue, testnet: testnet)
        if let section {
            settings.apiKey = section.apiKey
            settings.apiSecret = section.apiSecret
            settings.testnet = testnet || section.testnet
            settings.restBaseURL = section.baseURL
        }
        let names = keyVariables(venue)
        if let key = environment[names.key], !key.isEmpty { settings.apiKey = key }
        if let secret = environment[names.secret], !secret.isEmpty { settings.apiSecret = secret }
        if let baseURL { settings.restBaseURL = baseURL }
        if let wsURL { settings.webSocketBaseURL = wsURL }
        return settings
    }
}
