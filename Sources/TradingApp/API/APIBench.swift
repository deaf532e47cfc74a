import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import TradingAPI

/// `graphwiz bench api`: requests per second of `GET /health` and of an authenticated `GET /api/v1/portfolio`,
/// measured by `wrk` (Debian package `wrk`) against an in-process server on 127.0.0.1 with rate limiting off.
struct APIBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Measure API requests/s with wrk (use a release build).")

    @Option(help: "Seconds per figure.")
    var duration = 5

    @Option(help: "Open connections.")
    var connections = 32

    @Option(help: "wrk threads.")
    var threads = 2

    func validate() throws {
        guard (1...600).contains(duration) else { throw ValidationError("--duration must be 1...600 seconds, got \(duration)") }
        guard connections >= threads, threads >= 1 else { throw ValidationError("--connections must be >= --threads >= 1") }
    }

    func run() async throws {
        #if DEBUG
        print("note: this is a debug build; figures are only meaningful from `swift build -c release`.")
        #endif
        guard let wrk = Self.which("wrk") else {
            print("bench api: wrk not found on PATH; install it (apt-get install wrk) to measure API requests/s. Nothing measured.")
            return
        }
        let secret = (0..<4).map { _ in UUID().uuidString }.joined()
        let security = APISecurity(jwtSecret: secret, ratePerMinute: Int.max / 2, burst: Int.max / 2)
        let token = try await APITokenIssuer(secret: secret).issue(subject: "bench", role: .viewer, ttl: 3600)
        var logger = Logger(label: "graphwiz.api.bench")
        logger.logLevel = .warning
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try await buildApplication(control: DemoAccount.make(configurationYAML: ""), security: security, port: 0,
                                             logger: logger, onServerRunning: { portContinuation.yield($0) })
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var ports = portStream.makeAsyncIterator()
            guard let port = await ports.next() else { return }
            print("graphwiz bench api: wrk -t\(threads) -c\(connections) -d\(duration)s against 127.0.0.1:\(port), \(ProcessInfo.processInfo.activeProcessorCount) cores")
            let health = try Self.requestsPerSecond(wrk, ["-t\(threads)", "-c\(connections)", "-d\(duration)s", "http://127.0.0.1:\(port)/health"])
            print("GET /health: \(health.map { String(format: "%.0f", $0) } ?? "n/a") requests/s")
            let portfolio = try Self.requestsPerSecond(wrk, ["-t\(threads)", "-c\(connections)", "-d\(duration)s",
                                                             "-H", "Authorization: Bearer \(token)",
                                                             "http://127.0.0.1:\(port)/api/v1/portfolio"])
            print("GET /api/v1/portfolio (JWT): \(portfolio.map { String(format: "%.0f", $0) } ?? "n/a") requests/s")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// Runs wrk and reads its `Requests/sec:` line; also reports non-2xx responses it saw.
    static func requestsPerSecond(_ wrk: String, _ arguments: [String]) throws -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: wrk)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if let line = output.split(separator: "\n").first(where: { $0.contains("Non-2xx") }) { print("  wrk: \(line.trimmingCharacters(in: .whitespaces))") }
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }) else { return nil }
        return Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
