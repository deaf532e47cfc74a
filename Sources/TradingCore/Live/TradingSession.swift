import Logging
import Metrics
import TradingModel

/// Drives the one ``TradingKernel`` with bars from a ``MarketDataSource`` and events from an ``Exchange``, for
/// paper and live trading (and replayed simulations).
///
/// One serial executor: this actor runs a single loop over one merged input stream (bars, venue events,
/// reconnects, stop), so the kernel never sees two inputs at once and there is no actor hop per event beyond
/// the loop itself. Every command the kernel emits is journaled (write-ahead) before it goes to the venue; a
/// submit that fails with an unknown outcome is reconciled, never resubmitted. A ``VenueBarFeed`` venue (paper)
/// matches each bar before the strategy sees it and the session applies the resulting events first, exactly
/// like the backtest runner, so both give the same fills.
public actor TradingSession<S: Strategy>: TradingSessionLifecycle {
    public nonisolated let sessionId: String
    var configuration: TradingSessionConfiguration
    let exchange: any Exchange
    /// The venue when it matches bars itself (paper), looked up once.
    let barFeed: (any VenueBarFeed)?
    let marketData: any MarketDataSource
    let journal: any OrderJournal
    let clock: any TradingClock
    let logger: Logger
    let strategyName: String

    /// The kernel, built on the first bar; boxed so reading one of its fields never copies it (see ``KernelSlot``).
    var slot: KernelSlot<S>?
    var strategy: S
    var parameters: ParameterValues
    var instruments: [Instrument] = []
    var adoptedOrders: [Order] = []
    /// Fills the kernel has applied (a fill seen again, e.g. from a reconciliation and the stream, is skipped).
    var appliedFills = RecentFills()
    var commands: [VenueCommand] = []
    var barIndex: [Int] = []
    var history: [BarHistory] = []
    var equityCurve: [SessionEquityPoint] = []
    var barsSeen = 0
    var lastBarTime: Int64 = 0

    // Ordering of a bar-fed venue's events before the strategy sees the bar: `eventsSeen` venue events (a prefix of
    // the venue's sequence) were applied, `streamEvents` of them arrived on the venue's stream so far.
    var eventsSeen = 0
    var streamEvents = 0
    var queuedBars: [(bar: Bar, instrument: Int)] = []
    var waitingBar: (bar: Bar, instrument: Int, needed: Int)?

    var strategyRunning = true
    var halted = false
    var haltReason = ""
    var localRejections: [RiskRejection] = []
    var feedsOpen = 0
    var stopping = false
    var stopAfterLastBar = false
    var finished = false
    var continuation: AsyncStream<SessionInput>.Continuation?
    /// A stop asked for before ``run()`` had its input stream (e.g. SIGTERM right after start-up); `run()` begins
    /// with it so the request is never lost.
    var stopRequested = false
    var subscribers: [Int: AsyncStream<SessionUpdate>.Continuation] = [:]
    var nextSubscriber = 0
    var lastRiskEventCount = 0
    /// Kernel refusals already published as decisions.
    var lastRejectionCount = 0
    /// When the bar or venue event being handled arrived (nil between events and for operator commands).
    var eventArrival: ContinuousClock.Instant?
    /// `graphwiz_kernel_event_to_order_seconds`: from a bar/event arriving to each resulting command being handed
    /// to the venue. Bound to the metrics backend at init: bootstrap metrics before building sessions.
    let eventToOrder = Metrics.Timer(label: "graphwiz_kernel_event_to_order_seconds")
    /// The reports of every reconciliation, the start's first.
    public internal(set) var reconciliations: [ReconciliationReport] = []

    /// A session of `strategy` (already built from `parameters`) on `exchange` with bars from `marketData`.
    public init(strategy: S, parameters: ParameterValues, configuration: TradingSessionConfiguration,
                exchange: any Exchange, marketData: any MarketDataSource, journal: any OrderJournal,
                clock: any TradingClock = WallClock(), logger: Logger = Logger(label: "graphwiz.session")) {
        self.sessionId = configuration.sessionId
        self.configuration = configuration
        self.exchange = exchange
        self.barFeed = exchange as? any VenueBarFeed
        self.marketData = marketData
        self.journal = journal
        self.clock = clock
        self.logger = logger
        self.strategy = strategy
        self.strategyName = S.name
        self.parameters = parameters
        self.commands.reserveCapacity(16)
    }

    /// Looks up the instruments and reconciles the journal with the venue (adopting orders still open).
    /// Call once before ``run()``.
    /// - Throws: ``SessionError/failed(_:)`` when the venue does not list a symbol or reconciliation fails.
    @discardableResult
    public func start() async throws(SessionError) -> ReconciliationReport {
        do {
            let listed = try await exchange.instruments()
            instruments = try configuration.symbols.map { symbol throws(SessionError) in
                guard let instrument = listed.first(where: { $0.symbol == symbol }) else {
                    throw SessionError.failed("\(exchange.name) does not list \(symbol); it lists "
                        + listed.map(\.symbol).prefix(20).joined(separator: ", "))
                }
                return instrument
            }
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError.failed("\(exchange.name): reading instruments failed: \(error)")
        }
        barIndex = Array(repeating: 0, count: instruments.count)
        history = instruments.map { _ in BarHistory(capacity: configuration.warmupBars) }
        let report = try await reconcile(applyToKernel: false)
        adoptedOrders = try await journaledOrders(report.stillOpen)
        return report
    }

    /// Runs until ``stop()`` (or until every feed ended, when configured), then returns. Throws only when a
    /// feed fails.
    public func run() async throws(SessionError) {
        let (inputs, continuation) = AsyncStream.makeStream(of: SessionInput.self)
        self.continuation = continuation
        if stopRequested { continuation.yield(.stop) }
        let exchange = self.exchange
        let marketData = self.marketData
        let timeframe = configuration.timeframe
        let symbols = configuration.symbols
        feedsOpen = symbols.count
        var failure: String?
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await marketData.deliverBars(symbols: symbols, timeframe: timeframe) { delivery in
                    switch delivery {
                    case let .bar(bar, instrument): continuation.yield(.bar(bar, instrument: instrument))
                    case let .ended(instrument, error): continuation.yield(.feedEnded(instrument: instrument, error: error))
                    }
                }
            }
            group.addTask {
                for await event in exchange.events { continuation.yield(.event(event)) }
            }
            if let connectivity = exchange as? any VenueConnectivity {
                group.addTask {
                    for await change in connectivity.connectionEvents {
                        switch change {
                        case .reconnected: continuation.yield(.reconnected)
                        case let .disconnected(reason): continuation.yield(.disconnected(reason))
                        }
                    }
                }
            }
            for await input in inputs {
                if let error = await handle(input) { failure = error }
                if finished { break }
            }
            group.cancelAll()
        }
        self.continuation = nil
        continuation.finish()
        for subscriber in subscribers.values { subscriber.finish() }
        subscribers.removeAll()
        if let failure { throw .failed(failure) }
    }

    /// Asks the loop to stop: working orders are canceled (or kept, per configuration), confirmations are
    /// awaited up to the grace period, then ``run()`` returns.
    public func stop() async {
        stopRequested = true
        continuation?.yield(.stop)
    }

    /// Flushes the journal (call after ``run()`` returned, before closing the store).
    public func flush() async throws {
        try await journal.flush()
    }

    /// Whether the loop has ended.
    public var hasFinished: Bool { finished }
}
