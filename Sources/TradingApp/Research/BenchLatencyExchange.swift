import Dispatch
import Simulation
import Synchronization
import TradingCore
import TradingModel

/// A paper venue with a stopwatch: forwards everything to a ``PaperExchange`` and, when the session submits
/// the first order after it handed a bar to the venue, records on the ``BenchProbe`` the time since that bar left
/// the producer (end to end) and since the session handed it to the venue (kernel). The session matches each bar on the venue right before the kernel sees it and nothing else
/// runs in between (one serial loop), so that submit is the order the bar caused: event-to-order latency,
/// measured at the session's public boundary (feed in, `Exchange.submit` out) with no hook inside it.
final class BenchLatencyExchange: VenueBarFeed, Sendable {
    let name: String
    let events: AsyncStream<ExecutionEvent>
    private let paper: PaperExchange
    private let probe: BenchProbe
    private let feed: BenchFirehoseFeed
    /// Emission stamp of the bar being processed, or 0 once its order was timed.
    private let pending = Atomic<UInt64>(0)
    /// When the session handed that bar to the venue (the start of its processing in the session).
    private let taken = Atomic<UInt64>(0)

    /// Wraps `paper`, timing orders against the stamps `feed` wrote on `probe`.
    init(paper: PaperExchange, probe: BenchProbe, feed: BenchFirehoseFeed) {
        self.paper = paper
        self.name = paper.name
        self.events = paper.events
        self.probe = probe
        self.feed = feed
    }

    nonisolated(nonsending) func process(_ bar: Bar, symbol: String) async throws -> Int {
        if let index = feed.instrumentIndex(of: symbol) {
            taken.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
            pending.store(probe.emissionTime(symbol: index, sequence: BenchProbe.sequence(of: bar.time)), ordering: .relaxed)
        }
        return try await paper.process(bar, symbol: symbol)
    }

    nonisolated(nonsending) func submit(_ request: OrderRequest) async throws {
        let stamp = pending.exchange(0, ordering: .relaxed)
        if stamp != 0 {
            let now = DispatchTime.now().uptimeNanoseconds
            let start = taken.load(ordering: .relaxed)
            probe.recordLatency(endToEnd: now > stamp ? now - stamp : 0, kernel: now > start ? now - start : 0)
        }
        try await paper.submit(request)
    }

    func emittedEvents(after count: Int) -> [ExecutionEvent]? { paper.emittedEvents(after: count) }

    func instruments() async throws -> [Instrument] { try await paper.instruments() }
    nonisolated(nonsending) func cancel(clientOrderId: String, symbol: String) async throws {
        try await paper.cancel(clientOrderId: clientOrderId, symbol: symbol)
    }
    func balances() async throws -> [Balance] { try await paper.balances() }
    func openOrders(symbol: String?) async throws -> [Order] { try await paper.openOrders(symbol: symbol) }
    func order(clientOrderId: String, symbol: String) async throws -> Order? {
        try await paper.order(clientOrderId: clientOrderId, symbol: symbol)
    }
    func fills(symbol: String, since: Int64) async throws -> [Fill] {
        try await paper.fills(symbol: symbol, since: since)
    }

    /// Ends the venue's event stream.
    func close() { paper.close() }
}
