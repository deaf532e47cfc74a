import ArgumentParser
import Foundation
import GraphwizConfig
import Logging
import Persistence
import ServiceLifecycle
import TradingAPI
import TradingCore
import TradingModel
import UnixSignals

/// `graphwiz serve`: the long-lived trading service. A ServiceGroup, in dependency order, of the store, the
/// update pump, one trading session per configured strategy, the HTTP API (dashboard, REST, WebSocket), the
/// metrics server and samplers, the alert center, the registered extra services, config reload (SIGHUP) and
/// the systemd notifier. SIGTERM/SIGINT stop it gracefully within the deadline. `--demo [SECONDS]` runs a
/// one-shot simulation on the embedded defaults and prints the results.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the trading service (simulation by default: generated bars through paper execution).")

    @Option(help: "YAML configuration file (default: the embedded config/default.yaml).")
    var config: String?
    @Option(help: "simulation, paper or live (overrides trading.mode).")
    var mode: String?
    @Option(help: "Paper/live venue: sim, binance or kraken (default: the enabled one of exchanges.binance/kraken).")
    var exchange: String?
    @Flag(help: "Live mode: trade full capital without asking the promotion gate (testnets and fake venues only; logged loudly).")
    var skipPromotionGate = false
    @Option(help: "Seconds a graceful shutdown may take before the rest is canceled.")
    var shutdownDeadline = 30.0
    @Option(help: "Simulation: bars generated per symbol.")
    var bars = 2_000
    @Option(help: "Simulation: replay speed in bars per second (0 = as fast as possible; default 60, demo 100).")
    var speed: Double?
    @Option(help: "Simulation: generator seed.")
    var seed: UInt64 = 42
    @Flag(help: "Leave working orders at the venue on shutdown (default: cancel them).")
    var keepOrders = false
    @Option(help: "Database file (default: database.url of the config, or GRAPHWIZ_DB; the demo uses a temporary file).")
    var db: String?
    @Option(help: "Address the API and metrics servers bind.")
    var host = "127.0.0.1"
    @Option(help: "API and dashboard port (0 picks a free one; default monitoring.health_port, 8080).")
    var httpPort: Int?
    @Option(help: "Metrics port (0 picks a free one; default monitoring.metrics_port, 9090).")
    var metricsPort: Int?
    @Flag(help: "One-shot demo: simulation on the embedded defaults for SECONDS (default 20), then print the results.")
    var demo = false
    @Argument(help: "With --demo: seconds to run.")
    var seconds: Int?

    public init() {}

    public func validate() throws {
        for (name, value) in [("--http-port", httpPort), ("--metrics-port", metricsPort)] {
            if let value, !(0...65_535).contains(value) { throw ValidationError("\(name) must be 0...65535, got \(value)") }
        }
        if seconds != nil && !demo { throw ValidationError("SECONDS is only taken with --demo, got \(seconds!)") }
        if let seconds, seconds < 1 { throw ValidationError("--demo SECONDS must be at least 1, got \(seconds)") }
        if let speed, speed < 0 || !speed.isFinite { throw ValidationError("--speed must be >= 0, got \(speed)") }
        if let exchange, !ServeVenues.names.contains(exchange) {
            throw ValidationError("--exchange must be one of \(ServeVenues.names.joined(separator: ", ")), got '\(exchange)'")
        }
        if demo && (exchange ?? "sim") != "sim" { throw ValidationError("--demo runs on the sim venue only, got --exchange \(exchange!)") }
    }

    public func run() async throws {
        // Metrics first: the sessions bind their latency histogram to the backend when they are built.
        let registry = APIMetrics.bootstrap()
        let plan = try ServePlan.load(self)
        let setup = try await ServeSetup.make(plan: plan, command: self)
        let group = ServiceGroup(configuration: setup.groupConfiguration)
        let deadline = demo ? Duration.seconds(seconds ?? 20) : nil
        // The demo's timer only starts the graceful shutdown; the group's own end is what is awaited.
        try await withThrowingTaskGroup(of: Bool.self) { tasks in
            tasks.addTask {
                try await group.run()
                return true
            }
            if let deadline {
                tasks.addTask {
                    try? await Task.sleep(for: deadline)
                    await group.triggerGracefulShutdown()
                    return false
                }
            }
            while let groupEnded = try await tasks.next(), !groupEnded {}
            tasks.cancelAll()
        }
        setup.logger.info("stopped cleanly")
        if demo { print(await DemoReport.text(control: setup.control, registry: registry, graphRecords: setup.provenance?.statistics.written)) }
        if demo && db == nil, case let .sqlite(path) = plan.database {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
