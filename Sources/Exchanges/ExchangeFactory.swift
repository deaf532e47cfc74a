import Foundation
import Logging
import TradingCore

/// What is needed to connect to one venue, independent of where it came from (config file, environment,
/// command-line overrides).
public struct ExchangeSettings: Sendable {
    /// Which venue.
    public var venue: ExchangeVenue
    /// API key (a secret: never logged or printed).
    public var apiKey: String
    /// API secret (a secret: never logged or printed).
    public var apiSecret: String
    /// Use the venue's testnet.
    public var testnet: Bool
    /// REST base URL override; empty for the venue's own.
    public var restBaseURL: String
    /// WebSocket base URL override; empty for the venue's own (or derived from an `http://` REST override).
    public var webSocketBaseURL: String

    /// Creates settings.
    public init(venue: ExchangeVenue, apiKey: String = "", apiSecret: String = "", testnet: Bool = false,
                restBaseURL: String = "", webSocketBaseURL: String = "") {
        self.venue = venue
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.testnet = testnet
        self.restBaseURL = restBaseURL
        self.webSocketBaseURL = webSocketBaseURL
    }
}

/// A venue cannot be built from the settings.
public struct ExchangeFactoryError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String
    public var description: String { message }
}

/// Builds venue adapters from ``ExchangeSettings``: the one place that knows which type serves which venue.
public enum ExchangeFactory {
    /// The shared rate limiter of each venue in this process (limits are per account and IP, not per adapter).
    static let binanceLimiter = BinanceRateLimiter()

    /// The Binance configuration of `settings`.
    public static func binanceConfiguration(_ settings: ExchangeSettings) -> BinanceConfiguration {
        BinanceConfiguration(apiKey: settings.apiKey, apiSecret: settings.apiSecret, testnet: settings.testnet,
                             restBaseURL: settings.restBaseURL, webSocketBaseURL: settings.webSocketBaseURL)
    }

    /// The Binance adapter, sharing the process-wide Binance rate limiter.
    public static func binance(_ settings: ExchangeSettings) -> BinanceExchange {
        BinanceExchange(configuration: binanceConfiguration(settings), limiter: binanceLimiter)
    }

    /// The Kraken configuration of `settings`: an `http(s)://` REST override also moves both WebSocket
    /// endpoints to `ws(s)://<same host>/v2` unless `webSocketBaseURL` names one; no keys means public data only.
    /// - Throws: ``ExchangeFactoryError`` when the secret is not base64.
    public static func krakenConfiguration(_ settings: ExchangeSettings) throws(ExchangeFactoryError) -> KrakenConfiguration {
        var credentials: KrakenCredentials?
        if !settings.apiKey.isEmpty || !settings.apiSecret.isEmpty {
            do { credentials = try KrakenCredentials(apiKey: settings.apiKey, apiSecret: settings.apiSecret) } catch {
                throw ExchangeFactoryError(message: "exchanges.kraken.api_secret (or KRAKEN_API_SECRET): \(error)")
            }
        }
        let rest = settings.restBaseURL.isEmpty ? KrakenConfiguration.defaultRESTBaseURL : settings.restBaseURL
        var webSocket = settings.webSocketBaseURL
        if webSocket.isEmpty, !settings.restBaseURL.isEmpty {
            let trimmed = rest.hasSuffix("/") ? String(rest.dropLast()) : rest
            if trimmed.hasPrefix("http://") { webSocket = "ws://" + String(trimmed.dropFirst(7)) + "/v2" }
            if trimmed.hasPrefix("https://") { webSocket = "wss://" + String(trimmed.dropFirst(8)) + "/v2" }
        }
        return KrakenConfiguration(restBaseURL: rest,
                                   webSocketURL: webSocket.isEmpty ? KrakenConfiguration.defaultWebSocketURL : webSocket,
                                   webSocketAuthURL: webSocket.isEmpty ? KrakenConfiguration.defaultWebSocketAuthURL : webSocket,
                                   credentials: credentials)
    }

    /// The Kraken adapter (not yet streaming; call `startStreaming()` to receive executions over WebSocket).
    /// - Throws: ``ExchangeFactoryError`` when the settings are unusable.
    public static func kraken(_ settings: ExchangeSettings,
                              logger: Logger = Logger(label: "graphwiz.kraken")) throws(ExchangeFactoryError) -> KrakenExchange {
        let configuration = try krakenConfiguration(settings)
        do { return try KrakenExchange(configuration: configuration, logger: logger) } catch {
            throw ExchangeFactoryError(message: "exchange kraken: \(error)")
        }
    }

    /// The adapter of the settings' venue.
    /// - Throws: ``ExchangeFactoryError`` when the settings are unusable.
    public static func exchange(_ settings: ExchangeSettings) throws -> any Exchange {
        switch settings.venue {
        case .binance: return binance(settings)
        case .kraken: return try kraken(settings)
        }
    }

    /// The paginated history endpoint of the settings' venue.
    public static func historicalBars(_ settings: ExchangeSettings) throws -> any HistoricalBarSource {
        switch settings.venue {
        case .binance: return BinanceHistoricalBars(exchange: binance(settings))
        case .kraken: return KrakenHistoricalBars(exchange: try kraken(settings))
        }
    }

    /// The live closed-bar feed of the settings' venue.
    public static func marketData(_ settings: ExchangeSettings) throws -> any MarketDataSource {
        switch settings.venue {
        case .binance: return BinanceMarketDataSource(exchange: binance(settings))
        case .kraken:
            let configuration = try krakenConfiguration(settings)
            do { return try KrakenMarketDataSource(configuration: configuration) } catch {
                throw ExchangeFactoryError(message: "exchange kraken: \(error)")
            }
        }
    }
}
