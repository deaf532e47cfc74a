import Logging
import TradingCore
import TradingModel

/// The Binance spot adapter behind the ``Exchange`` port.
///
/// Requests go through ``BinanceRESTClient``; acknowledgements, fills and ends of orders are emitted on
/// ``events`` from the REST answers and, when ``runUserDataStream()`` runs, from the user data stream, each
/// exactly once. Venue rejections of a new order (insufficient balance, filter failures) are `.rejected`
/// events; failures where the order may exist (timeouts, dropped connections, duplicate ids) are thrown.
public final class BinanceExchange: Exchange {
    /// `binance`.
    public let name = "binance"
    /// The REST client (shared limiter inside).
    public let rest: BinanceRESTClient
    /// Execution events, each exactly once.
    public let events: AsyncStream<ExecutionEvent>
    /// Account balance snapshots from `outboundAccountPosition` user data events.
    public let balanceUpdates: AsyncStream<[Balance]>
    let continuation: AsyncStream<ExecutionEvent>.Continuation
    let balanceContinuation: AsyncStream<[Balance]>.Continuation
    let state = Locked(State())
    let logger: Logger

    struct State: Sendable {
        var symbols: SymbolMap?
        var instruments: [Instrument] = []
        var filter = BinanceEventFilter()
        var clientIdByOrderId: [Int64: String] = [:]
    }

    /// Creates the adapter.
    public init(configuration: BinanceConfiguration, transport: (any HTTPTransport)? = nil,
                limiter: BinanceRateLimiter = BinanceRateLimiter(),
                clock: @escaping @Sendable () -> Int64 = { WallClock().now() },
                logger: Logger = Logger(label: "graphwiz.binance")) {
        rest = BinanceRESTClient(configuration: configuration, transport: transport, limiter: limiter, clock: clock,
                                 logger: logger)
        (events, continuation) = AsyncStream.makeStream(of: ExecutionEvent.self)
        (balanceUpdates, balanceContinuation) = AsyncStream.makeStream(of: [Balance].self, bufferingPolicy: .bufferingNewest(16))
        self.logger = logger
    }

    deinit {
        continuation.finish()
        balanceContinuation.finish()
    }

    /// The symbol map, loading exchangeInfo on first use.
    public func symbolMap() async throws -> SymbolMap {
        if let map = state.withLock({ $0.symbols }) { return map }
        _ = try await instruments()
        return state.withLock { $0.symbols } ?? SymbolMap()
    }

    /// The venue id (`BTCUSDT`) of a unified symbol (`BTC/USDT`).
    /// - Throws: ``ExchangeError`` `invalidRequest` naming the symbol when Binance does not list it.
    public func venueSymbol(_ symbol: String) async throws -> String {
        let map = try await symbolMap()
        guard let id = map.venueSymbol(for: symbol) else {
            throw ExchangeError(kind: .invalidRequest, venue: name, code: "-1121",
                                message: "symbol \(symbol) is not listed on Binance (expected a unified symbol like BTC/USDT)")
        }
        return id
    }

    /// The unified symbol of a venue id (the id itself when unknown).
    func unified(_ venueSymbol: String) -> String {
        state.withLock { $0.symbols?.unifiedSymbol(for: venueSymbol) } ?? venueSymbol
    }

    public func instruments() async throws -> [Instrument] {
        let info = try await rest.exchangeInfo()
        let trading = info.symbols.filter { $0.status == "TRADING" }
        let instruments = try trading.map(BinanceMapping.instrument)
        let map = BinanceMapping.symbolMap(info)
        state.withLock {
            $0.symbols = map
            $0.instruments = instruments
        }
        return instruments
    }

    func emit(_ event: ExecutionEvent) {
        if state.withLock({ $0.filter.admit(event) }) { continuation.yield(event) }
    }

    public func submit(_ request: OrderRequest) async throws {
        let symbol = try await venueSymbol(request.symbol)
        let order = BinanceNewOrder(request, venueSymbol: symbol)
        let answer: BinanceWire.Order
        do {
            answer = try await rest.newOrder(order)
        } catch let error as ExchangeError where !error.outcomeUnknown
            && [.insufficientFunds, .invalidRequest].contains(error.kind) {
            emit(.rejected(clientOrderId: request.clientOrderId, reason: error.description, time: WallClock().now()))
            return
        }
        try publish(answer, symbol: request.symbol)
    }

    /// Emits the events a FULL new-order answer implies: accepted, its fills, and an end state.
    func publish(_ answer: BinanceWire.Order, symbol: String) throws {
        let time = answer.transactTime ?? answer.updateTime ?? WallClock().now()
        let id = answer.origClientOrderId ?? answer.clientOrderId
        state.withLock { $0.clientIdByOrderId[answer.orderId] = id }
        let status = BinanceMapping.status(answer.status)
        if status == .rejected {
            emit(.rejected(clientOrderId: id, reason: "binance rejected the order", time: time))
            return
        }
        emit(.accepted(clientOrderId: id, venueOrderId: String(answer.orderId), time: time))
        for fill in try BinanceMapping.fills(answer, clientOrderId: id, symbol: symbol, time: time) { emit(.filled(fill)) }
        switch status {
        case .canceled: emit(.canceled(clientOrderId: id, reason: "canceled by binance", time: time))
        case .expired: emit(.expired(clientOrderId: id, reason: "binance expired the order (\(answer.status))", time: time))
        default: break
        }
    }

    public func cancel(clientOrderId: String, symbol: String) async throws {
        let id = try await venueSymbol(symbol)
        do {
            let answer = try await rest.cancelOrder(symbol: id, clientOrderId: clientOrderId)
            emit(.canceled(clientOrderId: clientOrderId, reason: "canceled on request",
                           time: answer.transactTime ?? WallClock().now()))
        } catch let error as ExchangeError where error.kind == .unknownOrder {
            emit(.cancelRejected(clientOrderId: clientOrderId, reason: error.description, time: WallClock().now()))
        }
    }

    public func balances() async throws -> [Balance] {
        try BinanceMapping.balances(try await rest.account())
    }

    public func openOrders(symbol: String?) async throws -> [Order] {
        var id: String? = nil
        if let symbol { id = try await venueSymbol(symbol) }
        let wire = try await rest.openOrders(symbol: id)
        _ = try await symbolMap()
        return try wire.map { try BinanceMapping.order($0, symbol: unified($0.symbol)) }
    }

    public func order(clientOrderId: String, symbol: String) async throws -> Order? {
        let id = try await venueSymbol(symbol)
        do {
            return try BinanceMapping.order(try await rest.queryOrder(symbol: id, clientOrderId: clientOrderId), symbol: symbol)
        } catch let error as ExchangeError where error.kind == .unknownOrder {
            return nil
        }
    }

    public func fills(symbol: String, since: Int64) async throws -> [Fill] {
        let id = try await venueSymbol(symbol)
        var result: [Fill] = []
        var fromId: Int64? = nil
        while true {
            let page = try await rest.myTrades(symbol: id, startTime: fromId == nil ? since : nil, fromId: fromId)
            for trade in page where trade.time >= since {
                let clientId = try await clientOrderId(orderId: trade.orderId, venueSymbol: id)
                result.append(try BinanceMapping.fill(trade, clientOrderId: clientId, symbol: symbol))
            }
            guard page.count == 1000, let last = page.last else { break }
            fromId = last.id + 1
        }
        return result
    }

    /// The client order id of a venue order id (myTrades does not carry it), cached.
    func clientOrderId(orderId: Int64, venueSymbol: String) async throws -> String {
        if let known = state.withLock({ $0.clientIdByOrderId[orderId] }) { return known }
        let order = try await rest.queryOrder(symbol: venueSymbol, orderId: orderId)
        state.withLock { $0.clientIdByOrderId[orderId] = order.clientOrderId }
        return order.clientOrderId
    }
}
