import TradingCore
import TradingModel

/// A live venue whose execution stream reconnects on its own (Binance's user data stream, Kraken's `executions`
/// WebSocket), seen by the trading session as a ``VenueConnectivity``: every reconnect is reported as
/// `.reconnected`, so the session reconciles the journal with the venue (open orders, fills made while the
/// stream was down) before trading on.
/// Every `Exchange` call goes to `base` unchanged.
struct ReconnectReportingExchange: Exchange, VenueConnectivity {
    let base: any Exchange
    let connectionEvents: AsyncStream<VenueConnectionEvent>
    private let continuation: AsyncStream<VenueConnectionEvent>.Continuation

    init(base: any Exchange) {
        self.base = base
        (connectionEvents, continuation) = AsyncStream<VenueConnectionEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
    }

    /// Call after the venue's stream came back.
    func reportReconnected() { continuation.yield(.reconnected) }

    var name: String { base.name }
    var capabilities: VenueCapabilities { base.capabilities }
    var events: AsyncStream<ExecutionEvent> { base.events }
    func instruments() async throws -> [Instrument] { try await base.instruments() }
    func submit(_ request: OrderRequest) async throws { try await base.submit(request) }
    func cancel(clientOrderId: String, symbol: String) async throws {
        try await base.cancel(clientOrderId: clientOrderId, symbol: symbol)
    }
    func balances() async throws -> [Balance] { try await base.balances() }
    func openOrders(symbol: String?) async throws -> [Order] { try await base.openOrders(symbol: symbol) }
    func order(clientOrderId: String, symbol: String) async throws -> Order? {
        try await base.order(clientOrderId: clientOrderId, symbol: symbol)
    }
    func fills(symbol: String, since: Int64) async throws -> [Fill] { try await base.fills(symbol: symbol, since: since) }
}
