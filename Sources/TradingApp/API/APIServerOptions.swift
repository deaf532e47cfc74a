import ArgumentParser
import Foundation
import GraphwizConfig
import TradingAPI

/// Where the API listens and which security settings it uses.
struct APIServerOptions: ParsableArguments {
    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "API port (0 picks a free one; default: monitoring.health_port of the configuration).")
    var port: Int?

    @Option(help: "Metrics port (0 picks a free one; default: monitoring.metrics_port).")
    var metricsPort: Int?

    @Option(help: "Requests per minute per client (default: security.rate_limit_per_minute).")
    var rateLimit: Int?

    @Option(help: "Burst above the rate (default: security.burst).")
    var burst: Int?

    @Option(help: "The YAML configuration file (default: the embedded default configuration).")
    var config: String?

    @OptionGroup var environmentOptions: ConfigEnvironmentOptions

    func validate() throws {
        for (name, value) in [("--port", port), ("--metrics-port", metricsPort)] {
            if let value, !(0...65535).contains(value) { throw ValidationError("\(name) must be 0...65535, got \(value)") }
        }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be at least 1, got \(rateLimit)") }
        if let burst, burst < 0 { throw ValidationError("--burst must be at least 0, got \(burst)") }
    }

    /// The configuration, with the command-line overrides applied to its security section.
    func load() throws -> (AppConfiguration, APISecurity) {
        let loader = ConfigLoader(environment: try environmentOptions.environment(process: ProcessInfo.processInfo.environment))
        var appConfig = try config.map { path throws(ConfigError) in try loader.load(file: path) } ?? loader.loadDefault()
        if let rateLimit { appConfig.security.rateLimitPerMinute = rateLimit }
        if let burst { appConfig.security.burst = burst }
        return (appConfig, try APISecurity(config: appConfig.security))
    }
}
