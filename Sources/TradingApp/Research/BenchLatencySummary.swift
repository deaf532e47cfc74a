/// Percentiles of one latency measured by a session benchmark, in microseconds.
struct BenchLatencySummary: Sendable, Hashable, Codable {
    /// Orders timed.
    var orders: Int
    var p50Microseconds: Double
    var p90Microseconds: Double
    var p99Microseconds: Double
    var maxMicroseconds: Double

    /// The summary of `samples` (nanoseconds): nearest-rank percentiles, zero without samples.
    init(samples: [UInt64]) {
        let (p50, p90, p99, worst) = Self.percentiles(samples)
        self.init(orders: samples.count, p50Microseconds: p50, p90Microseconds: p90, p99Microseconds: p99,
                  maxMicroseconds: worst)
    }

    init(orders: Int, p50Microseconds: Double, p90Microseconds: Double, p99Microseconds: Double, maxMicroseconds: Double) {
        self.orders = orders
        self.p50Microseconds = p50Microseconds
        self.p90Microseconds = p90Microseconds
        self.p99Microseconds = p99Microseconds
        self.maxMicroseconds = maxMicroseconds
    }

    /// Nearest-rank percentiles of `samples` (nanoseconds) in microseconds: p50, p90, p99, max.
    /// - Complexity: O(n log n) (one sort).
    static func percentiles(_ samples: [UInt64]) -> (p50: Double, p90: Double, p99: Double, max: Double) {
        guard !samples.isEmpty else { return (0, 0, 0, 0) }
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            let index = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index]) / 1_000
        }
        return (rank(0.50), rank(0.90), rank(0.99), Double(sorted[sorted.count - 1]) / 1_000)
    }

    /// `<title> (N orders): p50 …, p90 …, p99 …, max …`.
    func line(_ title: String) -> String {
        "\(title) (\(orders) orders): p50 \(BenchFirehoseReport.micro(p50Microseconds)), "
            + "p90 \(BenchFirehoseReport.micro(p90Microseconds)), p99 \(BenchFirehoseReport.micro(p99Microseconds)), "
            + "max \(BenchFirehoseReport.micro(maxMicroseconds))"
    }
}
