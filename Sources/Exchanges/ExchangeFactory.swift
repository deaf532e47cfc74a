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

    /// The adapter of the settings' venue.
    /// - Throws: ``ExchangeFactoryError`` for a venue this build has no adapter for.
    public static func exchange(_ settings: ExchangeSettings) throws -> any Exchange {
        switch settings.venue {
        case .binance: return binance(settings)
        case .kraken: throw unavailable(.kraken)
        }
    }

    /// The paginated history endpoint of the settings' venue.
    public static func historicalBars(_ settings: ExchangeSettings) throws -> any HistoricalBarSource {
        switch settings.venue {
        case .binance: return BinanceHistoricalBars(exchange: binance(settings))
        case .kraken: throw unavailable(.kraken)
        }
    }

    /// The live closed-bar feed of the settings' venue.
    public static func marketData(_ settings: ExchangeSettings) throws -> any MarketDataSource {
        switch settings.venue {
        case .binance: return BinanceMarketDataSource(exchange: binance(settings))
        case .kraken: throw unavailable(.kraken)
        }
    }

    static func unavailable(_ venue: ExchangeVenue) -> ExchangeFactoryError {
        ExchangeFactoryError(message: "exchange \(venue.rawValue): no adapter is registered in ExchangeFactory for this "
            + "venue in this build; available: binance")
    }
}
