import Synchronization
import TradingCore
import TradingModel

/// The paper venue: the foundation's ``SimulatedExchange`` (same matching rules, fees and slippage as the
/// backtest) behind the ``Exchange`` port, with account balances. It is fed the same bars the strategy sees
/// (``VenueBarFeed``), and every acknowledgement and fill comes back on ``events``.
///
/// Time: requests are stamped with `clock`; a ``VirtualClock`` is advanced to each bar's time, so a replay
/// stamps exactly as the backtest runner does (the parity test relies on it).
///
/// A lock, not an actor: its hot calls (`process`, `submit`, `cancel`) run on the caller's executor
/// (`nonisolated(nonsending)`), so a session feeding it a bar and sending the order that bar caused never
/// leaves its own executor.
public final class PaperExchange: VenueBarFeed {
    public let name: String
    public let events: AsyncStream<ExecutionEvent>
    /// The simulated venue holds stop-market and take-profit orders and cancels the rest of an OCO group on a
    /// fill, as in backtests, so protective exits rest at the venue in paper trading too.
    public var capabilities: VenueCapabilities { .simulated }
    private let continuation: AsyncStream<ExecutionEvent>.Continuation
    private let clock: any TradingClock
    private let account: Mutex<Account>

    /// Everything that changes, behind one lock.
    private struct Account {
        var venue: SimulatedExchange
        var book = ExecutionEngine(idPrefix: "paper")
        var totals: [String: Money]
        var fillLog: [Fill] = []
        var emitted = 0
        var buffer: [ExecutionEvent] = []
        /// The newest emitted events: event `n` (1-based) at `(n - 1) % recentCapacity`.
        var recent: [ExecutionEvent] = []
    }

    /// Emitted events kept for ``emittedEvents(after:)``.
    static let recentCapacity = 1_024

    /// A paper account holding `balances` on a venue listing `instruments`.
    /// - Throws: ``SimulationError`` for duplicate instruments or an invalid matching configuration.
    public init(instruments: [Instrument], timeframe: Timeframe, matching: MatchingConfig = MatchingConfig(),
                balances: [Balance], clock: any TradingClock = WallClock(), name: String = "paper") throws(SimulationError) {
        try matching.validate()
        let venue = try SimulatedExchange(instruments: instruments, timeframe: timeframe, config: matching)
        self.clock = clock
        self.name = name
        var totals: [String: Money] = [:]
        for balance in balances { totals[balance.asset, default: .zero] += balance.total }
        var account = Account(venue: venue, totals: totals)
        account.buffer.reserveCapacity(16)
        self.account = Mutex(account)
        (events, continuation) = AsyncStream.makeStream(of: ExecutionEvent.self)
    }

    public func instruments() async throws -> [Instrument] { account.withLock { $0.venue.instruments } }

    public nonisolated(nonsending) func submit(_ request: OrderRequest) async throws {
        let time = clock.now()
        try account.withLock { a in
            guard a.book.orders[request.clientOrderId] == nil else {
                throw ExchangeError(kind: .duplicateOrder, venue: name, message: "clientOrderId \(request.clientOrderId) "
                    + "was already submitted; nothing was created (client order ids are idempotency keys)")
            }
            if let index = a.venue.instrumentIndex(of: request.symbol) { a.book.register(request, instrument: index, time: time) }
            a.venue.submit(request, time: time, events: &a.buffer)
            emitBuffer(&a)
        }
    }

    public nonisolated(nonsending) func cancel(clientOrderId: String, symbol: String) async throws {
        let time = clock.now()
        account.withLock { a in
            a.venue.cancel(clientOrderId: clientOrderId, symbol: symbol, time: time, events: &a.buffer)
            emitBuffer(&a)
        }
    }

    public func balances() async throws -> [Balance] {
        account.withLock { a in a.totals.keys.sorted().map { Balance(asset: $0, free: a.totals[$0] ?? .zero) } }
    }

    public func openOrders(symbol: String?) async throws -> [Order] { account.withLock { $0.venue.openOrders(symbol: symbol) } }

    public func order(clientOrderId: String, symbol: String) async throws -> Order? {
        account.withLock { $0.book.orders[clientOrderId] }
    }

    public func fills(symbol: String, since: Int64) async throws -> [Fill] {
        account.withLock { $0.fillLog.filter { $0.symbol == symbol && $0.time >= since } }
    }

    public nonisolated(nonsending) func process(_ bar: Bar, symbol: String) async throws -> Int {
        try account.withLock { a in
            guard let index = a.venue.instrumentIndex(of: symbol) else {
                throw ExchangeError(kind: .invalidRequest, venue: name,
                                    message: "bar for \(symbol), which this paper venue does not list")
            }
            (clock as? VirtualClock)?.advance(to: bar.time)
            do {
                try a.venue.process(bar, instrumentIndex: index, events: &a.buffer)
            } catch {
                throw ExchangeError(kind: .invalidRequest, venue: name, message: "bar \(bar.time) of \(symbol): \(error)")
            }
            emitBuffer(&a)
            return a.emitted
        }
    }

    /// Every event emitted so far, counted (see ``VenueBarFeed/process(_:symbol:)``).
    public var emittedCount: Int { account.withLock { $0.emitted } }

    public func emittedEvents(after count: Int) -> [ExecutionEvent]? {
        account.withLock { a in
            let wanted = a.emitted - count
            guard wanted > 0 else { return [] }
            guard count >= 0, wanted <= a.recent.count else { return nil }
            return (count + 1...a.emitted).map { a.recent[($0 - 1) % Self.recentCapacity] }
        }
    }

    /// Ends the event stream.
    public func close() { continuation.finish() }

    /// Books and emits the buffered events, in order (under the lock, so concurrent callers cannot reorder them).
    private func emitBuffer(_ a: inout Account) {
        for event in a.buffer {
            _ = a.book.apply(event)
            if case let .filled(fill) = event { settle(fill, &a) }
            a.emitted += 1
            if a.recent.count < Self.recentCapacity {
                a.recent.append(event)
            } else {
                a.recent[(a.emitted - 1) % Self.recentCapacity] = event
            }
            continuation.yield(event)
        }
        a.buffer.removeAll(keepingCapacity: true)
    }

    /// Books a fill on the account: quote cash and base holdings, and the fee from the asset it was charged in.
    private func settle(_ fill: Fill, _ a: inout Account) {
        a.fillLog.append(fill)
        guard let index = a.venue.instrumentIndex(of: fill.symbol) else { return }
        let instrument = a.venue.instruments[index]
        let notional = fill.price * fill.quantity
        if fill.side == .buy {
            a.totals[instrument.quote, default: .zero] -= notional
            a.totals[instrument.base, default: .zero] += fill.quantity
        } else {
            a.totals[instrument.quote, default: .zero] += notional
            a.totals[instrument.base, default: .zero] -= fill.quantity
        }
        a.totals[fill.feeAsset, default: .zero] -= fill.feeAmount
    }
}
