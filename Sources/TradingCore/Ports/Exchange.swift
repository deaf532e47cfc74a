import TradingModel

/// An execution venue as the live and paper drivers see it: requests go out, and everything the venue says
/// (acknowledgements, rejections, fills, cancels) comes back on `events`, never as a return value.
///
/// `BinanceExchange` and `KrakenExchange` (live) and the simulated exchange (paper) implement it; backtests
/// drive the same matching engine synchronously for speed, through the same kernel.
public protocol Exchange: Sendable {
    /// Venue name, e.g. `binance`, `kraken`, `simulated`.
    var name: String { get }
    /// Trading rules of the markets the venue offers.
    func instruments() async throws -> [Instrument]
    /// Sends a new order. Throwing means the request may not have reached the venue; the caller reconciles.
    func submit(_ request: OrderRequest) async throws
    /// Requests a cancel.
    func cancel(clientOrderId: String, symbol: String) async throws
    /// Account balances.
    func balances() async throws -> [Balance]
    /// The stream of execution events.
    var events: AsyncStream<ExecutionEvent> { get }
}

/// A live or recorded source of bars for the paper and live drivers.
public protocol MarketDataSource: Sendable {
    /// Bars of `symbol` as they close, in time order.
    func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error>
}
