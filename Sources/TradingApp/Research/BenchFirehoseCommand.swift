import ArgumentParser
import Foundation

/// `graphwiz bench firehose`: many symbols updating in real time through several live trading sessions;
/// reports offered vs processed events/s, the backlog each second and p99 event-to-order latency, with a
/// PASS/FAIL against issue 5's targets.
struct BenchFirehoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firehose",
        abstract: "Replay a real-time market-data firehose through live sessions (use a release build).")

    @Option(help: "Symbols updating.")
    var symbols = 1_000

    @Option(help: "Bars per symbol per second.")
    var rate = 10.0

    @Option(help: "Seconds to produce.")
    var seconds = 20.0

    @Option(help: "Strategies (one live session each) receiving every symbol.")
    var strategies = 3

    @Option(help: "Each strategy orders on every N-th bar of a symbol.")
    var every = 10

    @Option(help: "Write the report as JSON to this file.")
    var output: String?

    func validate() throws {
        guard (1...10_000).contains(symbols) else { throw ValidationError("--symbols must be 1...10000, got \(symbols)") }
        guard rate > 0 && rate <= 1_000 else { throw ValidationError("--rate must be in (0, 1000] bars/s, got \(rate)") }
        guard seconds > 0 && seconds <= 3_600 else { throw ValidationError("--seconds must be in (0, 3600], got \(seconds)") }
        guard (1...32).contains(strategies) else { throw ValidationError("--strategies must be 1...32, got \(strategies)") }
        guard every >= 1 else { throw ValidationError("--every must be at least 1, got \(every)") }
    }

    /// The runner these options describe.
    var runner: BenchFirehoseRunner {
        BenchFirehoseRunner(symbols: symbols, strategies: strategies, every: every, pacing: .realTime(perSecond: rate),
                            seconds: seconds, bars: 0)
    }

    func run() async throws {
        #if DEBUG
        print("note: this is a debug build; figures are only meaningful from `swift build -c release`.")
        #endif
        print("graphwiz bench firehose: \(symbols) symbols × \(rate)/s for \(seconds) s, \(strategies) live sessions, "
            + "an order every \(every) bars, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        let report = try await runner.run()
        for line in report.lines { print(line) }
        if let output { try BenchJSON.write(report, to: output) }
    }
}

/// Writes a bench report as pretty JSON.
enum BenchJSON {
    static func write<T: Encodable>(_ value: T, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try BacktestCommand.write(try encoder.encode(value), to: path)
    }
}
