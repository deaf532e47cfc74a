import ArgumentParser
import Foundation
import GraphwizConfig
import Persistence
import TradingCore
import TradingModel

/// What `graphwiz serve` will run, decided from the command line, the environment and the configuration
/// before anything starts.
struct ServePlan {
    var appConfig: AppConfiguration
    var mode: TradingMode
    var venueMode: VenueMode
    var venueName: String
    var timeframe: Timeframe
    var database: DatabaseLocation
    var httpPort: Int
    var metricsPort: Int
    var speed: Double
    var environment: [String: String]

    /// Reads the configuration (the embedded defaults for `--demo`) and applies the command-line overrides.
    static func load(_ command: ServeCommand) throws -> ServePlan {
        let environment = ProcessInfo.processInfo.environment
        var appConfig: AppConfiguration
        do {
            let loader = ConfigLoader(environment: try ConfigLoader.environment())
            appConfig = try (command.demo ? nil : command.config).map { try loader.load(file: $0) } ?? loader.loadDefault()
        } catch {
            throw ValidationError("\(error)")
        }
        let mode: TradingMode
        if command.demo {
            mode = .simulation
        } else if let text = command.mode {
            guard let parsed = TradingMode(rawValue: text) else {
                throw ValidationError("--mode must be simulation, paper or live, got '\(text)'")
            }
            mode = parsed
        } else {
            mode = appConfig.trading.mode
        }
        appConfig.trading.mode = mode
        let venueMode = VenueMode(rawValue: mode.rawValue) ?? .simulation
        let exchanges = appConfig.exchanges
        let venueName = venueMode == .simulation ? "sim"
            : command.exchange ?? (exchanges.kraken.enabled && !exchanges.binance.enabled ? "kraken" : "binance")
        if venueMode == .simulation, let exchange = command.exchange, exchange != "sim" {
            throw ValidationError("--exchange \(exchange) has no simulation mode: use --mode paper or live with it "
                + "(or --exchange sim)")
        }
        let timeframe = try DataArguments.timeframe(appConfig.trading.timeframe, option: "trading.timeframe")
        let database: DatabaseLocation
        if command.demo && command.db == nil {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("graphwiz-demo-\(ProcessInfo.processInfo.processIdentifier).sqlite").path
            database = .sqlite(path: path)
        } else {
            database = StoreLocation.location(option: command.db, configured: appConfig.database.url, environment: environment)
        }
        return ServePlan(appConfig: appConfig, mode: mode, venueMode: venueMode, venueName: venueName,
                         timeframe: timeframe, database: database,
                         httpPort: command.httpPort ?? appConfig.monitoring.healthPort,
                         metricsPort: command.metricsPort ?? appConfig.monitoring.metricsPort,
                         speed: command.speed ?? (command.demo ? 100 : 60), environment: environment)
    }
}
