import TradingCore
import TradingModel

/// An in-memory venue for session and reconciliation tests. Market orders fill at once at the last bar's close
/// (or `fillPrice`); limit orders rest. It can be told to fail the next submit, before or after "sending".
actor LiveFakeExchange: VenueBarFeed, VenueConnectivity {
    enum SubmitFailure { case timeoutBeforeReaching, timeoutAfterReaching, refused }

    nonisolated let name = "fake"
    nonisolated let events: AsyncStream<ExecutionEvent>
    private let continuation: AsyncStream<ExecutionEvent>.Continuation
    nonisolated let connectionEvents: AsyncStream<VenueConnectionEvent>
    private let connection: AsyncStream<VenueConnectionEvent>.Continuation
    let listed: [Instrument]
    var orders: [String: Order] = [:]
    var fillLog: [Fill] = []
    var submits = 0
    var wallet: [String: Money]
    var lastPrice: Price = Fixed(100)
    var lastTime: Int64 = 2_000
    var nextFailure: SubmitFailure?
    /// Cancels are carried out but not reported on the event stream (a stream lagging behind the venue).
    var silentCancels = false
    var emitted = 0
    private var tradeSeq = 0

    init(instruments: [Instrument], cash: Money = Fixed(10_000)) {
        listed = instruments
        wallet = ["USDT": cash]
        (events, continuation) = AsyncStream.makeStream(of: ExecutionEvent.self)
        (connectionEvents, connection) = AsyncStream.makeStream(of: VenueConnectionEvent.self)
    }

    /// Fills a working order completely at `price` without telling anyone (as if the stream was down).
    func fillSilently(_ id: String, price: Price) {
        guard var order = orders[id] else { return }
        let fill = Fill(tradeId: "silent-\(id)", clientOrderId: id, venueOrderId: order.venueOrderId,
                        symbol: order.request.symbol, side: order.request.side, price: price,
                        quantity: order.remainingQuantity, fee: .zero, liquidity: .maker, time: lastTime)
        order.record(fillPrice: price, quantity: fill.quantity, fee: .zero, time: lastTime)
        order.status = .filled
        orders[id] = order
        fillLog.append(fill)
    }

    /// Delivers the venue's recorded fills of `id` on the event stream (late: e.g. replayed after a reconnect).
    func deliverFillsLate(_ id: String) {
        for fill in fillLog where fill.clientOrderId == id { yield(.filled(fill)) }
    }

    /// Reports a dropped and restored stream.
    func reconnect() {
        connection.yield(.disconnected(reason: "test drop"))
        connection.yield(.reconnected)
    }

    func failNextSubmit(_ failure: SubmitFailure) { nextFailure = failure }
    func reportCancels(_ report: Bool) { silentCancels = !report }

    /// Puts an order (and its fills) on the venue as if it had been sent earlier.
    func seed(_ request: OrderRequest, status: OrderStatus, fills: [Fill] = [], time: Int64 = 1_000) {
        var order = Order(request: request, createdAt: time)
        order.venueOrderId = "v-\(request.clientOrderId)"
        for fill in fills { order.record(fillPrice: fill.price, quantity: fill.quantity, fee: fill.fee, time: fill.time) }
        order.status = status
        orders[request.clientOrderId] = order
        fillLog.append(contentsOf: fills)
    }

    /// Drops a trade from the trade history (the order keeps its filled quantity): a venue whose history lags.
    func forgetFill(_ tradeId: String) { fillLog.removeAll { $0.tradeId == tradeId } }

    func instruments() async throws -> [Instrument] { listed }

    func submit(_ request: OrderRequest) async throws {
        submits += 1
        if let failure = nextFailure {
            nextFailure = nil
            switch failure {
            case .timeoutBeforeReaching:
                throw ExchangeError(kind: .timeout, venue: name, message: "timed out", outcomeUnknown: true)
            case .refused:
                throw ExchangeError(kind: .insufficientFunds, venue: name, code: "-2010", message: "insufficient balance")
            case .timeoutAfterReaching:
                accept(request, time: lastTime, emit: false)
                throw ExchangeError(kind: .timeout, venue: name, message: "timed out", outcomeUnknown: true)
            }
        }
        guard orders[request.clientOrderId] == nil else {
            throw ExchangeError(kind: .duplicateOrder, venue: name, message: "duplicate \(request.clientOrderId)")
        }
        accept(request, time: lastTime, emit: true)
    }

    private func accept(_ request: OrderRequest, time: Int64, emit: Bool) {
        var order = Order(request: request, createdAt: time)
        order.venueOrderId = "v-\(request.clientOrderId)"
        order.status = .accepted
        orders[request.clientOrderId] = order
        if emit { yield(.accepted(clientOrderId: request.clientOrderId, venueOrderId: order.venueOrderId, time: time)) }
        guard request.type == .market else { return }
        tradeSeq += 1
        let quantity = request.quoteQuantity.map { $0 / lastPrice } ?? request.quantity
        let fill = Fill(tradeId: "t\(tradeSeq)", clientOrderId: request.clientOrderId, venueOrderId: order.venueOrderId,
                        symbol: request.symbol, side: request.side, price: lastPrice, quantity: quantity, fee: .zero,
                        liquidity: .taker, time: time)
        order.record(fillPrice: fill.price, quantity: fill.quantity, fee: fill.fee, time: fill.time)
        order.status = .filled
        orders[request.clientOrderId] = order
        fillLog.append(fill)
        let sign: Money = request.side == .buy ? Fixed(-1) : Fixed(1)
        wallet["USDT", default: .zero] += sign * fill.notional
        wallet["BTC", default: .zero] -= sign * quantity
        if emit { yield(.filled(fill)) }
    }

    func cancel(clientOrderId: String, symbol: String) async throws {
        guard var order = orders[clientOrderId], !order.status.isTerminal else {
            yield(.cancelRejected(clientOrderId: clientOrderId, reason: "unknown or finished", time: lastTime))
            return
        }
        order.status = .canceled
        orders[clientOrderId] = order
        if !silentCancels { yield(.canceled(clientOrderId: clientOrderId, reason: "requested", time: lastTime)) }
    }

    func balances() async throws -> [Balance] { wallet.keys.sorted().map { Balance(asset: $0, free: wallet[$0]!) } }
    func openOrders(symbol: String?) async throws -> [Order] {
        orders.values.filter { !$0.status.isTerminal && (symbol == nil || $0.request.symbol == symbol) }
            .sorted { $0.request.clientOrderId < $1.request.clientOrderId }
    }
    func order(clientOrderId: String, symbol: String) async throws -> Order? { orders[clientOrderId] }
    func fills(symbol: String, since: Int64) async throws -> [Fill] {
        fillLog.filter { $0.symbol == symbol && $0.time >= since }
    }

    func process(_ bar: Bar, symbol: String) async throws -> Int {
        lastPrice = Fixed(bar.close)
        lastTime = bar.time
        return emitted
    }

    func finish() { continuation.finish() }

    private func yield(_ event: ExecutionEvent) {
        emitted += 1
        continuation.yield(event)
    }
}

/// Bars handed out from an array.
struct LiveArrayFeed: MarketDataSource {
    let bars: [Bar]
    func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error> {
        AsyncThrowingStream { continuation in
            for bar in bars { continuation.yield(bar) }
            continuation.finish()
        }
    }
}

enum LiveFixture {
    static let btc = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.001")!, minNotional: Fixed(5))

    static func request(_ id: String, side: OrderSide = .buy, type: OrderType = .market, quantity: String = "1") -> OrderRequest {
        OrderRequest(clientOrderId: id, symbol: "BTC/USDT", side: side, type: type, quantity: Fixed(quantity)!,
                     limitPrice: type == .limit ? Fixed(90) : nil)
    }

    static func fill(_ id: String, trade: String, quantity: String, price: Int = 100, time: Int64 = 1_500) -> Fill {
        Fill(tradeId: trade, clientOrderId: id, venueOrderId: "v-\(id)", symbol: "BTC/USDT", side: .buy,
             price: Fixed(price), quantity: Fixed(quantity)!, fee: .zero, liquidity: .taker, time: time)
    }

    static func bars(_ closes: [Double]) -> [Bar] {
        closes.enumerated().map { index, close in
            Bar(time: 3_600_000 * Int64(index + 1), open: close, high: close, low: close, close: close, volume: 1_000)
        }
    }
}
