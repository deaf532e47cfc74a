import Dispatch
import Logging
import Simulation
import TradingCore
import TradingModel

/// Runs `strategies` live ``TradingSession``s (the service's kernel path: merged input stream, write-ahead
/// journal, paper venue) on one ``BenchFirehoseFeed`` of `symbols` symbols and measures throughput, backlog and
/// event-to-order latency. Used by `graphwiz bench firehose` (real-time pacing) and `graphwiz bench latency`
/// (closed-loop pacing).
struct BenchFirehoseRunner: Sendable {
    var symbols: Int
    var strategies: Int
    /// Order on every `every`-th bar of each symbol.
    var every: Int
    var pacing: BenchPacing
    /// Real-time pacing: seconds to produce.
    var seconds: Double
    /// Closed-loop pacing: bars to produce (over all symbols).
    var bars: Int

    /// A benchmark failed to set up.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the benchmark; returns when every session processed every bar and stopped.
    func run() async throws -> BenchFirehoseReport {
        let expectedBars: Int
        switch pacing {
        case let .realTime(rate): expectedBars = Int(Double(symbols) * rate * seconds) + symbols
        case .closedLoop: expectedBars = bars
        }
        let (acks, ackContinuation) = AsyncStream.makeStream(of: Void.self)
        let closedLoop = pacing == .closedLoop
        let probe = BenchProbe(symbols: symbols, expectedOrders: expectedBars * strategies / max(every, 1) + 16,
                               acks: closedLoop ? ackContinuation : nil)
        let feed = BenchFirehoseFeed(symbols: symbols)
        let instruments = feed.symbols.map {
            Instrument(symbol: $0, tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!, minNotional: Fixed(5))
        }
        var logger = Logger(label: "graphwiz.bench")
        logger.logLevel = .error
        var sessions: [TradingSession<BenchOrderStrategy>] = []
        var venues: [BenchLatencyExchange] = []
        for index in 0..<strategies {
            let clock = VirtualClock(start: BenchProbe.baseTime)
            let paper: PaperExchange
            do {
                paper = try PaperExchange(instruments: instruments, timeframe: .oneMinute,
                                          balances: [Balance(asset: "USDT", free: Fixed(1_000_000_000))], clock: clock)
            } catch {
                throw Failure(description: "bench: the paper venue for strategy \(index) could not be built: \(error)")
            }
            let venue = BenchLatencyExchange(paper: paper, probe: probe, feed: feed)
            let session = TradingSession(
                strategy: BenchOrderStrategy(every: every, probe: probe),
                parameters: BenchOrderStrategy.parameterSpace.defaults,
                configuration: TradingSessionConfiguration(
                    sessionId: "bench-\(index)", symbols: feed.symbols, timeframe: .oneMinute, idPrefix: "bench\(index)-",
                    cancelOrdersOnStop: false, stopWhenFeedEnds: true, warmupBars: 8),
                exchange: venue, marketData: feed, journal: InMemoryOrderJournal(), clock: clock, logger: logger)
            try await session.start()
            sessions.append(session)
            venues.append(venue)
        }
        let subscriptions = symbols * strategies
        return try await withThrowingTaskGroup(of: Void.self) { group in
            for session in sessions { group.addTask { try await session.run() } }
            while feed.subscriptionCount < subscriptions { try await Task.sleep(nanoseconds: 1_000_000) }
            let sampler = BenchBacklogSampler(probe: probe)
            let started = DispatchTime.now().uptimeNanoseconds
            let sampling = Task { await sampler.run() }
            switch pacing {
            case let .realTime(rate):
                _ = await feed.produceRealTime(perSecond: rate, seconds: seconds, probe: probe)
            case .closedLoop:
                await feed.produceClosedLoop(bars: bars, sessions: strategies, acks: acks, probe: probe)
            }
            let produced = DispatchTime.now().uptimeNanoseconds
            let processedWhileProducing = probe.processedCount
            sampling.cancel()
            let samples = await sampling.value
            feed.finish()
            ackContinuation.finish()
            try await group.waitForAll()
            let drained = DispatchTime.now().uptimeNanoseconds
            for venue in venues { venue.close() }
            let producingSeconds = Double(produced - started) / 1e9
            let latencies = probe.latencySamples
            return BenchFirehoseReport(
                symbols: symbols, strategies: strategies, ratePerSymbol: closedLoop ? 0 : Self.rate(of: pacing),
                producingSeconds: producingSeconds, drainSeconds: Double(drained - produced) / 1e9,
                offeredEvents: probe.offered, processedEvents: probe.processedCount,
                processedWhileProducing: processedWhileProducing,
                offeredPerSecond: Double(probe.offered) / producingSeconds,
                processedPerSecond: Double(processedWhileProducing) / producingSeconds,
                backlogSamples: samples, endToEnd: BenchLatencySummary(samples: latencies.endToEnd),
                kernel: BenchLatencySummary(samples: latencies.kernel))
        }
    }

    private static func rate(of pacing: BenchPacing) -> Double {
        if case let .realTime(rate) = pacing { return rate }
        return 0
    }
}

/// Samples a probe's backlog (offered − processed events) once a second until canceled.
struct BenchBacklogSampler: Sendable {
    let probe: BenchProbe

    /// The samples taken until the task was canceled.
    func run() async -> [Int] {
        var samples: [Int] = []
        while true {
            do { try await Task.sleep(nanoseconds: 1_000_000_000) } catch { return samples }
            samples.append(probe.offered - probe.processedCount)
        }
    }
}
