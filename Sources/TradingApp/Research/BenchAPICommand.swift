import ArgumentParser

/// `graphwiz bench api`: the API figures (`GET /health` and an authenticated GET, requests/s with wrk); runs
/// `graphwiz api bench` with the same options.
struct BenchAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "API requests/s for /health and an authenticated GET (runs `graphwiz api bench`).")

    @Option(help: "Seconds per figure.")
    var duration = 5

    @Option(help: "Open connections.")
    var connections = 32

    @Option(help: "wrk threads.")
    var threads = 2

    func run() async throws {
        let bench = try APIBench.parse(["--duration", "\(duration)", "--connections", "\(connections)", "--threads", "\(threads)"])
        try await bench.run()
    }
}
