import TradingCore
import TradingModel

/// The paper venue: the foundation's ``SimulatedExchange`` (same matching rules, fees and slippage as the
/// backtest) behind the ``Exchange`` port, with account balances. It is fed the same bars the strategy sees
/// (``VenueBarFeed``), and every acknowledgement and fill comes back on ``events``.
///
/// Time: requests are stamped with `clock`; a ``VirtualClock`` is advanced to each bar's time, so a replay
/// stamps exactly as the backtest runner does (the parity test relies on it).
public actor PaperExchange: VenueBarFeed {
    public nonisolated let name: String
    public nonisolated let events: AsyncStream<ExecutionEvent>
    /// The simulated venue holds stop-market and take-profit orders and cancels the rest of an OCO group on a
    /// fill, as in backtests, so protective exits rest at the venue in paper trading too.
    public nonisolated var capabilities: VenueCapabilities { .simulated }
    private let continuation: AsyncStream<ExecutionEvent>.Continuation
    private var venue: SimulatedExchange
    private let clock: any TradingClock
    private var book = ExecutionEngine(idPrefix: "paper")
    private var totals: [String: Money]
    private var fillLog: [Fill] = []
    private var emitted = 0
    private var buffer: [ExecutionEvent] = []

    /// A paper account holding `balances` on a venue listing `instruments`.
    /// - Throws: ``SimulationError`` for duplicate instruments or an invalid matching configuration.
    public init(instruments: [Instrument], timeframe: Timeframe, matching: MatchingConfig = MatchingConfig(),
                balances: [Balance], clock: any TradingClock = WallClock(), name: String = "paper") throws(SimulationError) {
        try matching.validate()
        self.venue = try SimulatedExchange(instruments: instruments, timeframe: timeframe, config: matching)
        self.clock = clock
        self.name = name
        var totals: [String: Money] = [:]
        for balance in balances { totals[balance.asset, default: .zero] += balance.total }
        self.totals = totals
        (events, continuation) = AsyncStream.makeStream(of: ExecutionEvent.self)
        buffer.reserveCapacity(16)
    }

    public func instruments() async throws -> [Instrument] { venue.instruments }

    public func submit(_ request: OrderRequest) async throws {
        guard book.orders[request.clientOrderId] == nil else {
            throw ExchangeError(kind: .duplicateOrder, venue: name, message: "clientOrderId \(request.clientOrderId) "
                + "was already submitted; nothing was created (client order ids are idempotency keys)")
        }
        let time = clock.now()
        if let index = venue.instrumentIndex(of: request.symbol) { book.register(request, instrument: index, time: time) }
        venue.submit(request, time: time, events: &buffer)
        emitBuffer()
    }

    public func cancel(clientOrderId: String, symbol: String) async throws {
        venue.cancel(clientOrderId: clientOrderId, symbol: symbol, time: clock.now(), events: &buffer)
        emitBuffer()
    }

    public func balances() async throws -> [Balance] {
        totals.keys.sorted().map { Balance(asset: $0, free: totals[$0] ?? .zero) }
    }

    public func openOrders(symbol: String?) async throws -> [Order] { venue.openOrders(symbol: symbol) }

    public func order(clientOrderId: String, symbol: String) async throws -> Order? { book.orders[clientOrderId] }

    public func fills(symbol: String, since: Int64) async throws -> [Fill] {
        fillLog.filter { $0.symbol == symbol && $0.time >= since }
    }

    public func process(_ bar: Bar, symbol: String) async throws -> Int {
        guard let index = venue.instrumentIndex(of: symbol) else {
            throw ExchangeError(kind: .invalidRequest, venue: name,
                                message: "bar for \(symbol), which this paper venue does not list")
        }
        (clock as? VirtualClock)?.advance(to: bar.time)
        do {
            try venue.process(bar, instrumentIndex: index, events: &buffer)
        } catch {
            throw ExchangeError(kind: .invalidRequest, venue: name, message: "bar \(bar.time) of \(symbol): \(error)")
        }
        emitBuffer()
        return emitted
    }

    /// Every event emitted so far, counted (see ``VenueBarFeed/process(_:symbol:)``).
    public var emittedCount: Int { emitted }

    /// Ends the event stream.
    public func close() { continuation.finish() }

    private func emitBuffer() {
        for event in buffer {
            _ = book.apply(event)
            if case let .filled(fill) = event { settle(fill) }
            emitted += 1
            continuation.yield(event)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Books a fill on the account: quote cash and base holdings, and the fee from the asset it was charged in.
    private func settle(_ fill: Fill) {
        fillLog.append(fill)
        guard let index = venue.instrumentIndex(of: fill.symbol) else { return }
        let instrument = venue.instruments[index]
        let notional = fill.price * fill.quantity
        if fill.side == .buy {
            totals[instrument.quote, default: .zero] -= notional
            totals[instrument.base, default: .zero] += fill.quantity
        } else {
            totals[instrument.quote, default: .zero] += notional
            totals[instrument.base, default: .zero] -= fill.quantity
        }
        totals[fill.feeAsset, default: .zero] -= fill.feeAmount
    }
}
