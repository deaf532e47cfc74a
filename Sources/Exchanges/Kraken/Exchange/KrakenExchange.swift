import AsyncHTTPClient
import Logging
import Synchronization
import TradingCore
import TradingModel

/// Kraken spot behind the ``Exchange`` port.
///
/// Orders go out over REST (`AddOrder` with `cl_ord_id` and a derived `userref`, `CancelOrder` by
/// `cl_ord_id`), paced by Kraken's per-pair trading counter. Acknowledgements, fills, cancels and expiries
/// come back on ``events`` from the REST answers and from the WebSocket v2 `executions` channel (see
/// ``startStreaming()``), each exactly once. After a WebSocket reconnect, fills missed meanwhile are fetched
/// from `TradesHistory`.
///
/// Definite venue refusals (insufficient funds, invalid arguments, order minimums) become `.rejected`
/// events; transient or unknown outcomes are thrown as ``ExchangeError`` (an order whose answer never came
/// has `outcomeUnknown == true`). Submitting a client order id the venue already knows does not create a
/// second order: the existing one is acknowledged instead.
public final class KrakenExchange: Exchange {
    public let name = "kraken"
    /// The REST client (shared rate limiter and nonces).
    public let rest: KrakenRESTClient
    /// The pair table cache.
    public let pairs: KrakenPairCache
    public let events: AsyncStream<ExecutionEvent>
    let continuation: AsyncStream<ExecutionEvent>.Continuation
    let ledger: KrakenEventLedger
    let router: KrakenExecutionRouter
    let logger: Logger
    let clock: any TradingClock
    let streaming = Mutex<Task<Void, Never>?>(nil)

    /// Creates the adapter; nothing is sent until the first call.
    /// - Throws: ``KrakenConfigurationError`` when the nonce file is unreadable.
    public init(configuration: KrakenConfiguration, httpClient: HTTPClient = .shared, nonces: KrakenNonceSource? = nil,
                clock: any TradingClock = WallClock(), logger: Logger = Logger(label: "graphwiz.kraken")) throws {
        let client = try KrakenRESTClient(configuration: configuration, httpClient: httpClient, nonces: nonces, logger: logger)
        let cache = KrakenPairCache(rest: client)
        let ledger = KrakenEventLedger()
        let (stream, continuation) = AsyncStream<ExecutionEvent>.makeStream(bufferingPolicy: .unbounded)
        rest = client
        pairs = cache
        self.ledger = ledger
        self.logger = logger
        self.clock = clock
        self.events = stream
        self.continuation = continuation
        router = KrakenExecutionRouter(rest: client, pairs: cache, ledger: ledger, continuation: continuation, clock: clock,
                                       logger: logger)
    }

    deinit {
        streaming.withLock { $0?.cancel() }
        continuation.finish()
    }

    /// Every listed pair with its rules.
    public func instruments() async throws -> [Instrument] {
        await pairs.invalidate()
        return try await pairs.pairs().pairs.map(\.instrument)
    }

    public func submit(_ request: OrderRequest) async throws {
        let table = try await pairs.pairs()
        guard let pair = table.pair(symbol: request.symbol) else {
            await publish(.rejected(clientOrderId: request.clientOrderId,
                                    reason: "unknown symbol \(request.symbol): Kraken lists no such pair", time: clock.now()))
            return
        }
        let parameters: KrakenOrderParameters
        switch KrakenOrderMapping.parameters(for: request, pair: pair.altname) {
        case let .success(p): parameters = p
        case let .failure(reason):
            await publish(.rejected(clientOrderId: request.clientOrderId, reason: reason.text, time: clock.now()))
            return
        }
        do {
            let answer = try await rest.addOrder(parameters)
            let txid = answer.txids[0]
            await ledger.remember(clientOrderId: request.clientOrderId, txid: txid, symbol: request.symbol,
                                  submittedAt: .now)
            await publish(.accepted(clientOrderId: request.clientOrderId, venueOrderId: txid, time: clock.now()))
        } catch let error as ExchangeError {
            switch error.kind {
            case .duplicateOrder:
                if let existing = try await order(clientOrderId: request.clientOrderId, symbol: request.symbol) {
                    await ledger.remember(clientOrderId: request.clientOrderId, txid: existing.venueOrderId,
                                          symbol: request.symbol, submittedAt: nil)
                    await publish(.accepted(clientOrderId: request.clientOrderId, venueOrderId: existing.venueOrderId,
                                            time: clock.now()))
                    return
                }
                throw error
            case .invalidRequest, .insufficientFunds:
                await publish(.rejected(clientOrderId: request.clientOrderId, reason: error.description, time: clock.now()))
            default:
                throw error
            }
        }
    }

    public func cancel(clientOrderId: String, symbol: String) async throws {
        let altname = try await pairs.altname(symbol: symbol)
        let age = await ledger.known(clientOrderId: clientOrderId)?.submittedAt.map { ContinuousClock.now - $0 }
        let ageSeconds = age.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? 0
        do {
            let count = try await rest.cancelOrder(clOrdId: clientOrderId, pair: altname,
                                                   tradingCost: KrakenRateTier.cancelCost(ageSeconds: ageSeconds))
            if count > 0 {
                await publish(.canceled(clientOrderId: clientOrderId, reason: "canceled by request", time: clock.now()))
            } else {
                await publish(.cancelRejected(clientOrderId: clientOrderId, reason: "kraken: no open order with this cl_ord_id",
                                              time: clock.now()))
            }
        } catch let error as ExchangeError where error.kind == .unknownOrder || error.kind == .invalidRequest {
            await publish(.cancelRejected(clientOrderId: clientOrderId, reason: error.description, time: clock.now()))
        }
    }

    /// Balances with unified asset codes. Kraken's `Balance` reports totals, so `free` is the total and
    /// `locked` is zero.
    public func balances() async throws -> [Balance] {
        try await rest.balance()
            .map { Balance(asset: KrakenAssets.unifiedAsset($0.key), free: $0.value) }
            .sorted { $0.asset < $1.asset }
    }

    public func openOrders(symbol: String?) async throws -> [Order] {
        let table = try await pairs.pairs()
        return try await rest.openOrders()
            .map { $0.order(symbol: table.symbol(krakenName: $0.pair)) }
            .filter { symbol == nil || $0.request.symbol == symbol }
    }

    public func order(clientOrderId: String, symbol: String) async throws -> Order? {
        let table = try await pairs.pairs()
        var found = try await rest.openOrders(clOrdId: clientOrderId).first
        if found == nil { found = try await rest.closedOrders(clOrdId: clientOrderId).first }
        guard let info = found else { return nil }
        await ledger.remember(clientOrderId: clientOrderId, txid: info.txid, symbol: symbol, submittedAt: nil)
        return info.order(symbol: table.symbol(krakenName: info.pair))
    }

    public func fills(symbol: String, since: Int64) async throws -> [Fill] {
        try await fills(since: since).filter { $0.symbol == symbol }
    }

    /// Every fill of the account at or after `since` (Unix ms), oldest first, with client order ids resolved
    /// through `QueryOrders` when this process did not place the order.
    public func fills(since: Int64) async throws -> [Fill] { try await router.fills(since: since) }

    func startStreamingTask(_ body: @escaping @Sendable () async -> Void) {
        streaming.withLock { task in
            guard task == nil else { return }
            task = Task { await body() }
        }
    }

    func stopStreamingTask() {
        streaming.withLock { task in
            task?.cancel()
            task = nil
        }
    }

    /// Publishes an event unless it was published before.
    func publish(_ event: ExecutionEvent) async { await router.publish(event) }
}
