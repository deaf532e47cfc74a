import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TradingAPI

/// `graphwiz api demo`: the API, dashboard, WebSocket stream and metrics over a moving in-memory paper
/// account, until SIGINT/SIGTERM or `--duration` seconds. For trying the dashboard, fuzzing and benchmarks;
/// `graphwiz serve` runs the same API over the real trading session.
struct APIDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Serve the API and dashboard over a simulated account (Ctrl-C to stop).")

    @OptionGroup var server: APIServerOptions

    @Option(help: "Stop after this many seconds (0 runs until interrupted).")
    var duration = 0

    @Option(help: "Seconds between simulated price ticks (0 disables the feed).")
    var tick = 1.0

    @Option(help: "Write an admin token valid for the run to this file (mode 0600).")
    var tokenFile: String?

    @Option(help: "Write the bound API port to this file once listening.")
    var portFile: String?

    func run() async throws {
        let (appConfig, security) = try server.load()
        let control = DemoAccount.make(configurationYAML: (try? appConfig.redactedYAML()) ?? "")
        var logger = Logger(label: "graphwiz.api")
        logger.logLevel = .notice
        if let tokenFile {
            let token = try await APITokenIssuer(secret: security.jwtSecret)
                .issue(subject: "demo-admin", role: .admin, ttl: Double(max(duration, 86_400)))
            _ = FileManager.default.createFile(atPath: tokenFile, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600])
        }
        let portFile = self.portFile
        let host = server.host
        let api = try await buildApplication(
            control: control, security: security, host: host, port: server.port ?? appConfig.monitoring.healthPort,
            logger: logger,
            onServerRunning: { port in
                print("graphwiz api demo: dashboard and API on http://\(host):\(port)/ (token: graphwiz auth token --role admin)")
                fflush(nil)
                if let portFile { try? String(port).write(toFile: portFile, atomically: true, encoding: .utf8) }
            })
        let metrics = MetricsServer.buildApplication(
            host: host, port: server.metricsPort ?? appConfig.monitoring.metricsPort, logger: logger,
            onServerRunning: { port in
                print("graphwiz api demo: metrics on http://\(host):\(port)/metrics")
                fflush(nil)
            })
        var services: [any Service] = [api, metrics, MetricsPublisher(control: control, interval: .seconds(5))]
        if tick > 0 { services.append(DemoFeeder(control: control, interval: .milliseconds(Int(tick * 1000)), seed: 42)) }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            if duration > 0 {
                tasks.addTask {
                    try? await Task.sleep(for: .seconds(duration))
                    await group.triggerGracefulShutdown()
                }
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }
}
