import Foundation

/// What a session benchmark (``BenchFirehoseRunner``) measured. Events are bars delivered to one session's
/// kernel: one bar of one symbol counts once per strategy (session) it reaches.
struct BenchFirehoseReport: Sendable, Hashable, Codable {
    /// Latency target of issue 5: p99 kernel event-to-order latency under 100 µs.
    static let p99TargetMicroseconds = 100.0

    var symbols: Int
    var strategies: Int
    /// Target bars per symbol per second (0 for closed-loop pacing).
    var ratePerSymbol: Double
    /// Seconds the producer ran.
    var producingSeconds: Double
    /// Seconds from the producer's end until every event was processed.
    var drainSeconds: Double
    /// Events offered to the kernels (bars × sessions).
    var offeredEvents: Int
    /// Events the kernels processed (at the end, after draining).
    var processedEvents: Int
    /// Events the kernels had processed when the producer stopped.
    var processedWhileProducing: Int
    /// Offered events per second during production.
    var offeredPerSecond: Double
    /// Processed events per second during production (sustained throughput).
    var processedPerSecond: Double
    /// Queue depth (offered − processed events) sampled once a second while producing.
    var backlogSamples: [Int]
    /// From the moment the producer emitted a bar to the order it caused reaching `Exchange.submit`: includes the
    /// wait behind other bars in the session's input stream and the task switch that delivers it.
    var endToEnd: BenchLatencySummary
    /// From the moment the session took the bar (handing it to the paper venue, then to the kernel) to the order
    /// reaching `Exchange.submit`: the venue's matching, the kernel, strategy and risk checks, and the
    /// write-ahead journal. The figure the p99 target is about.
    var kernel: BenchLatencySummary

    /// Whether the backlog stayed bounded: the last sample is at most one round of bars (every symbol once per
    /// session), i.e. the kernels were less than 1/rate second behind when the producer stopped.
    var backlogBounded: Bool {
        guard let last = backlogSamples.last else { return true }
        return last <= symbols * strategies
    }

    /// PASS when the kernel's p99 latency is under target and the backlog stayed bounded.
    var passed: Bool { kernel.orders > 0 && kernel.p99Microseconds < Self.p99TargetMicroseconds && backlogBounded }

    /// The two latency lines.
    var latencyLines: [String] {
        [kernel.line("kernel latency (bar taken by the session -> order at the venue)"),
         endToEnd.line("end-to-end latency (bar emitted -> order at the venue, queueing included)")]
    }

    /// The firehose report as printed lines.
    var lines: [String] {
        [
            "offered: \(offeredEvents) events in \(Self.fixed(producingSeconds)) s = \(Self.fixed(offeredPerSecond, 0)) events/s "
                + "(\(symbols) symbols × \(Self.fixed(ratePerSymbol, 1))/s × \(strategies) strategies)",
            "processed: \(processedWhileProducing) events while producing = \(Self.fixed(processedPerSecond, 0)) events/s; "
                + "\(processedEvents) in total after \(Self.fixed(drainSeconds, 3)) s of drain",
            "backlog (events queued, each second): " + (backlogSamples.isEmpty ? "none sampled" : backlogSamples.map(String.init).joined(separator: " ")),
        ] + latencyLines + [
            "\(passed ? "PASS" : "FAIL"): kernel p99 \(Self.micro(kernel.p99Microseconds)) (target < \(Self.micro(Self.p99TargetMicroseconds))), "
                + "backlog \(backlogBounded ? "bounded" : "growing") (last sample \(backlogSamples.last ?? 0), limit \(symbols * strategies))",
        ]
    }

    static func micro(_ value: Double) -> String { String(format: "%.1f µs", value) }
    static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
}
