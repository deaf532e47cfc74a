import TradingModel

/// An execution venue as the live and paper drivers see it: requests go out, and everything the venue says
/// (acknowledgements, rejections, fills, cancels) comes back on `events`, never as a return value.
///
/// `BinanceExchange` and `KrakenExchange` (live) and the paper exchange (SimulatedExchange on a live feed)
/// implement it; backtests drive the same matching engine synchronously for speed, through the same kernel.
/// Failures are thrown as ``ExchangeError``, which says whether the request may have reached the venue.
public protocol Exchange: Sendable {
    /// Venue name, e.g. `binance`, `kraken`, `paper`.
    var name: String { get }
    /// Trading rules of the markets the venue offers, with unified symbols (`BTC/USDT`).
    func instruments() async throws -> [Instrument]
    /// Sends a new order. Client order ids make it idempotent: a venue that already knows the id must not
    /// create a second order. Throwing means the request may not have reached the venue; the caller
    /// reconciles (see ``ExchangeError/outcomeUnknown``).
    /// Runs on the caller's executor where the implementation allows (`nonisolated(nonsending)`, the paper venue).
    nonisolated(nonsending) func submit(_ request: OrderRequest) async throws
    /// Requests a cancel.
    nonisolated(nonsending) func cancel(clientOrderId: String, symbol: String) async throws
    /// Account balances.
    func balances() async throws -> [Balance]
    /// Orders still open at the venue, for one symbol or all (nil).
    func openOrders(symbol: String?) async throws -> [Order]
    /// One order looked up by its client order id; nil when the venue does not know it.
    func order(clientOrderId: String, symbol: String) async throws -> Order?
    /// The account's fills on `symbol` at or after `since` (Unix ms), oldest first.
    func fills(symbol: String, since: Int64) async throws -> [Fill]
    /// The stream of execution events. Each fill arrives once, except that a fill already sent may come once more
    /// with ``Fill/orderComplete`` true when the venue reports the order's completion separately (Kraken's
    /// `filled` update): consumers apply a trade id once and take the repeat only as the completion.
    var events: AsyncStream<ExecutionEvent> { get }
    /// Which protective orders the venue can hold (the kernel emulates the rest). Default: none.
    var capabilities: VenueCapabilities { get }
}

extension Exchange {
    /// None: the kernel emulates every protective exit.
    public var capabilities: VenueCapabilities { .none }
}
