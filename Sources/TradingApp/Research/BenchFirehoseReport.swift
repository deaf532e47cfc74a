import Foundation

/// What a session benchmark (``BenchFirehoseRunner``) measured. Events are bars delivered to one session's
/// kernel: one bar of one symbol counts once per strategy (session) it reaches.
struct BenchFirehoseReport: Sendable, Hashable, Codable {
    /// Latency targets of issue 5: p99 event-to-order under 100 µs.
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
    /// Orders timed (one per N-th bar per symbol per strategy).
    var orders: Int
    /// Event-to-order latency percentiles in microseconds (0 when no order was timed).
    var p50Microseconds: Double
    var p90Microseconds: Double
    var p99Microseconds: Double
    var maxMicroseconds: Double

    /// Whether the backlog stayed bounded: the last sample is at most one round of bars (every symbol once per
    /// session), i.e. the kernels were less than 1/rate second behind when the producer stopped.
    var backlogBounded: Bool {
        guard let last = backlogSamples.last else { return true }
        return last <= symbols * strategies
    }

    /// PASS when p99 latency is under target and the backlog stayed bounded.
    var passed: Bool { orders > 0 && p99Microseconds < Self.p99TargetMicroseconds && backlogBounded }

    /// Nearest-rank percentiles of `samples` (nanoseconds) in microseconds: p50, p90, p99, max.
    static func percentiles(_ samples: [UInt64]) -> (p50: Double, p90: Double, p99: Double, max: Double) {
        guard !samples.isEmpty else { return (0, 0, 0, 0) }
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            let index = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index]) / 1_000
        }
        return (rank(0.50), rank(0.90), rank(0.99), Double(sorted[sorted.count - 1]) / 1_000)
    }

    /// The latency line, e.g. `event-to-order latency (1234 orders): p50 12.3 µs, p90 ..., p99 ..., max ...`.
    var latencyLine: String {
        "event-to-order latency (\(orders) orders): p50 \(Self.micro(p50Microseconds)), p90 \(Self.micro(p90Microseconds)), "
            + "p99 \(Self.micro(p99Microseconds)), max \(Self.micro(maxMicroseconds))"
    }

    /// The firehose report as printed lines.
    var lines: [String] {
        [
            "offered: \(offeredEvents) events in \(Self.fixed(producingSeconds)) s = \(Self.fixed(offeredPerSecond, 0)) events/s "
                + "(\(symbols) symbols × \(Self.fixed(ratePerSymbol, 1))/s × \(strategies) strategies)",
            "processed: \(processedWhileProducing) events while producing = \(Self.fixed(processedPerSecond, 0)) events/s; "
                + "\(processedEvents) in total after \(Self.fixed(drainSeconds, 3)) s of drain",
            "backlog (events queued, each second): " + (backlogSamples.isEmpty ? "none sampled" : backlogSamples.map(String.init).joined(separator: " ")),
            latencyLine,
            "\(passed ? "PASS" : "FAIL"): p99 \(Self.micro(p99Microseconds)) (target < \(Self.micro(Self.p99TargetMicroseconds))), "
                + "backlog \(backlogBounded ? "bounded" : "growing") (last sample \(backlogSamples.last ?? 0), limit \(symbols * strategies))",
        ]
    }

    static func micro(_ value: Double) -> String { String(format: "%.1f µs", value) }
    static func fixed(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
}
