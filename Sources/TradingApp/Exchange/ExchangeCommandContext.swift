import Exchanges
import Foundation
import Logging
import TradingCore
import TradingModel

/// What an `exchange` subcommand runs against: the adapter built from the options, with logs going to
/// `logger` (never the keys).
struct ExchangeCommandContext {
    let settings: ExchangeSettings
    let exchange: any Exchange

    /// Builds the adapter; `logger` receives the adapter's logs.
    init(options: ExchangeConnectionOptions, environment: [String: String], logger: Logger) throws {
        settings = try options.settings(environment: environment)
        switch settings.venue {
        case .binance:
            exchange = BinanceExchange(configuration: ExchangeFactory.binanceConfiguration(settings), logger: logger)
        case .kraken:
            exchange = try ExchangeFactory.kraken(settings, logger: logger)
        }
    }

    /// Fails with a message naming the environment variables when the keys are missing.
    func requireKeys() throws {
        guard !settings.apiKey.isEmpty, !settings.apiSecret.isEmpty else {
            let names = ExchangeConnectionOptions.keyVariables(settings.venue)
            throw ExchangeCommandError("\(settings.venue.rawValue): this command needs API keys; set \(names.key) and "
                + "\(names.secret), or exchanges.\(settings.venue.rawValue).api_key/api_secret in --config")
        }
    }

    /// Reads events until one about `clientOrderId` matches `stop`, returning the events seen for that id.
    func events(for clientOrderId: String, until stop: (ExecutionEvent) -> Bool) async -> [ExecutionEvent] {
        var seen: [ExecutionEvent] = []
        for await event in exchange.events where event.clientOrderId == clientOrderId {
            seen.append(event)
            if stop(event) { break }
        }
        return seen
    }
}

/// A failure of an `exchange` command, printed as is.
struct ExchangeCommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The logger of the `exchange` and `data download` commands.
enum ExchangeCommandLogging {
    static func logger() -> Logger {
        var logger = Logger(label: "graphwiz.exchange")
        logger.logLevel = .warning
        return logger
    }
}
