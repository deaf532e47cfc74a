import ArgumentParser
import Foundation

/// `graphwiz bench latency`: event-to-order latency through a live ``TradingSession`` and a paper venue, one bar
/// at a time (closed loop, so no queueing): p50/p90/p99/max from the session taking a bar (kernel) and from the
/// bar leaving the feed (end to end) until the order it caused reaches `Exchange.submit`.
struct BenchLatencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency",
        abstract: "Measure event-to-order latency through a live session (use a release build).")

    @Option(help: "Bars (events) to send, round-robin over the symbols.")
    var events = 300_000

    @Option(help: "Symbols.")
    var symbols = 10

    @Option(help: "The strategy orders on every N-th bar of a symbol.")
    var every = 10

    @Option(help: "Write the report as JSON to this file.")
    var output: String?

    func validate() throws {
        guard events >= 1 else { throw ValidationError("--events must be at least 1, got \(events)") }
        guard (1...10_000).contains(symbols) else { throw ValidationError("--symbols must be 1...10000, got \(symbols)") }
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
    }

    /// The runner these options describe.
    var runner: BenchFirehoseRunner {
        BenchFirehoseRunner(symbols: symbols, strategies: 1, every: every, pacing: .closedLoop, seconds: 0, bars: events)
    }

    func run() async throws {
        #if DEBUG
        print("note: this is a debug build; figures are only meaningful from `swift build -c release`.")
        #endif
        print("graphwiz bench latency: \(events) bars over \(symbols) symbols, one live session + paper venue, "
            + "an order every \(every) bars, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let report = try await runner.run()
        print("processed \(report.processedEvents) bars in \(BenchFirehoseReport.fixed(report.producingSeconds)) s "
            + "(\(BenchFirehoseReport.fixed(report.processedPerSecond, 0)) bars/s back to back)")
        for line in report.latencyLines { print(line) }
        print("\(report.passed ? "PASS" : "FAIL"): kernel p99 "
            + "\(BenchFirehoseReport.micro(report.kernel.p99Microseconds)) (target < \(BenchFirehoseReport.micro(BenchFirehoseReport.p99TargetMicroseconds)))")
        if let output { try BenchJSON.write(report, to: output) }
    }
}
