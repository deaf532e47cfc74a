import Testing
@testable import TradingApp

@Suite("graphwiz bench firehose and latency: live sessions under a bounded feed", .serialized)
struct BenchFirehoseTests {
    @Test("a real-time firehose of 20 symbols × 10/s for 2 s through 2 sessions processes every offered event and times every order")
    func firehoseCountsAddUp() async throws {
        let command = try DataTestDirectory.parse(
            ["bench", "firehose", "--symbols", "20", "--rate", "10", "--seconds", "2", "--strategies", "2", "--every", "5"],
            as: BenchFirehoseCommand.self)
        let report = try await command.runner.run()
        // 2 s × 10 rounds/s × 20 symbols = 400 bars, each delivered to 2 sessions.
        #expect(report.offeredEvents == 800)
        #expect(report.processedEvents == 800)
        #expect(report.processedWhileProducing <= 800)
        // 20 bars per symbol, an order on bars 4, 9, 14 and 19 of each: 4 × 20 symbols × 2 sessions.
        #expect(report.endToEnd.orders == 160)
        #expect(report.kernel.orders == 160)
        for latency in [report.endToEnd, report.kernel] {
            #expect(latency.p50Microseconds > 0)
            #expect(latency.p50Microseconds <= latency.p90Microseconds)
            #expect(latency.p90Microseconds <= latency.p99Microseconds)
            #expect(latency.p99Microseconds <= latency.maxMicroseconds)
        }
        // The kernel's share is part of the whole: at every percentile it is at most the end-to-end figure.
        #expect(report.kernel.maxMicroseconds <= report.endToEnd.maxMicroseconds)
        #expect(report.backlogSamples.allSatisfy { (0...800).contains($0) })
        let lines = report.lines
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("offered: 800 events in "))
        #expect(lines[0].hasSuffix("(20 symbols × 10.0/s × 2 strategies)"))
        #expect(lines[1].contains("800 in total after "))
        #expect(lines[2].hasPrefix("backlog (events queued, each second): "))
        #expect(lines[3].hasPrefix("kernel latency (bar taken by the session -> order at the venue) (160 orders): p50 "))
        #expect(lines[4].hasPrefix("end-to-end latency (bar emitted -> order at the venue, queueing included) (160 orders): p50 "))
        #expect(lines[5].hasPrefix(report.passed ? "PASS: kernel p99 " : "FAIL: kernel p99 "))
    }

    @Test("closed-loop latency over 200 bars of 4 symbols times exactly one order per 5th bar")
    func latencyCountsAddUp() async throws {
        let command = try DataTestDirectory.parse(["bench", "latency", "--events", "200", "--symbols", "4", "--every", "5"],
                                                  as: BenchLatencyCommand.self)
        let report = try await command.runner.run()
        #expect(report.offeredEvents == 200)
        #expect(report.processedEvents == 200)
        #expect(report.processedWhileProducing == 200)
        // 50 bars per symbol, an order on every 5th: 10 × 4 symbols.
        #expect(report.endToEnd.orders == 40)
        #expect(report.kernel.orders == 40)
        #expect(report.strategies == 1)
        #expect(report.ratePerSymbol == 0)
        #expect(report.endToEnd.p50Microseconds > 0 && report.endToEnd.p99Microseconds <= report.endToEnd.maxMicroseconds)
        #expect(report.kernel.p50Microseconds > 0 && report.kernel.p99Microseconds <= report.kernel.maxMicroseconds)
    }

    @Test("nearest-rank percentiles of nanosecond samples, in microseconds")
    func percentiles() {
        let samples: [UInt64] = (1...100).map { UInt64($0) * 1_000 }.reversed()
        let result = BenchLatencySummary.percentiles(samples)
        #expect(result.p50 == 50)
        #expect(result.p90 == 90)
        #expect(result.p99 == 99)
        #expect(result.max == 100)
        let empty = BenchLatencySummary.percentiles([])
        #expect(empty.p50 == 0 && empty.max == 0)
    }

    @Test("PASS needs the kernel's p99 under 100 µs and a bounded backlog: at most one round of bars per session")
    func backlogVerdict() {
        var report = BenchFirehoseReport(
            symbols: 10, strategies: 3, ratePerSymbol: 10, producingSeconds: 3, drainSeconds: 0, offeredEvents: 900,
            processedEvents: 900, processedWhileProducing: 870, offeredPerSecond: 300, processedPerSecond: 290,
            backlogSamples: [5, 12, 30],
            endToEnd: BenchLatencySummary(orders: 90, p50Microseconds: 900, p90Microseconds: 2_000, p99Microseconds: 9_000,
                                          maxMicroseconds: 12_000),
            kernel: BenchLatencySummary(orders: 90, p50Microseconds: 10, p90Microseconds: 20, p99Microseconds: 50,
                                        maxMicroseconds: 70))
        #expect(report.backlogBounded)
        #expect(report.passed)  // queueing shows in the end-to-end figure; the target is the kernel's
        report.backlogSamples = [5, 12, 31]
        #expect(!report.backlogBounded)
        #expect(!report.passed)
        report.backlogSamples = [0]
        report.kernel.p99Microseconds = 100
        #expect(!report.passed)
    }

    @Test("the throughput bench keeps its own options next to the service subcommands")
    func parentStillParses() throws {
        let bench = try DataTestDirectory.parse(["bench", "--bars", "5000", "--only", "kernel"], as: BenchCommand.self)
        #expect(bench.bars == 5_000)
        #expect(bench.only == "kernel")
        let latency = try DataTestDirectory.parse(["bench", "latency", "--events", "1234", "--output", "r.json"],
                                                  as: BenchLatencyCommand.self)
        #expect(latency.events == 1_234)
        #expect(latency.output == "r.json")
        let rss = try DataTestDirectory.parse(["bench", "rss", "--binary", "/x/graphwiz"], as: BenchServiceRSSCommand.self)
        #expect(rss.binary == "/x/graphwiz")
    }

    @Test("firehose options outside their ranges are refused with the value")
    func refusesBadOptions() {
        #expect(throws: (any Error).self) {
            _ = try DataTestDirectory.parse(["bench", "firehose", "--rate", "0"], as: BenchFirehoseCommand.self)
        }
        #expect(BenchFirehoseFeed.symbol(7) == "B0007/USDT")
        #expect(BenchFirehoseFeed.symbol(12_345) == "B12345/USDT")
    }
}
