import Logging
import TradingCore
import TradingModel

extension KrakenExchange {
    /// Subscribes to the authenticated `executions` channel (a fresh `GetWebSocketsToken` per connection) and
    /// keeps it alive until ``stopStreaming()``; after each reconnect, fills missed while disconnected are
    /// fetched from `TradesHistory`. Calling it again does nothing.
    public func startStreaming() {
        let streamer = executionStreamer()
        startStreamingTask { await streamer.run(onReconnect: {}) }
    }

    /// Runs the `executions` subscription in the calling task until it is cancelled, like ``startStreaming()``;
    /// after each reconnect the fills missed meanwhile are published first, then `onReconnect` is called (so a
    /// trading session can reconcile orders whose state changed while the stream was down). Use either this or
    /// ``startStreaming()``, not both.
    public func runStreaming(onReconnect: @escaping @Sendable () async -> Void) async {
        await executionStreamer().run(onReconnect: onReconnect)
    }

    /// The executions subscription, holding what it needs but not the exchange (a task stored in the exchange
    /// must not keep it alive).
    func executionStreamer() -> KrakenExecutionStreamer {
        KrakenExecutionStreamer(session: KrakenWebSocketSession(url: rest.configuration.webSocketAuthURL,
                                                                configuration: rest.configuration, logger: logger),
                                rest: rest, router: router)
    }

    /// Stops the executions subscription.
    public func stopStreaming() { stopStreamingTask() }
}

/// Turns REST answers, WebSocket executions and backfilled trades into the exchange's events, each once.
struct KrakenExecutionRouter: Sendable {
    let rest: KrakenRESTClient
    let pairs: KrakenPairCache
    let ledger: KrakenEventLedger
    let continuation: AsyncStream<ExecutionEvent>.Continuation
    let clock: any TradingClock
    let logger: Logger

    /// Publishes an event unless it was published before.
    func publish(_ event: ExecutionEvent) async {
        for e in await ledger.admit(event) { continuation.yield(e) }
    }

    /// Every fill of the account at or after `since` (Unix ms), oldest first.
    func fills(since: Int64) async throws -> [Fill] {
        let table = try await pairs.pairs()
        let trades = try await rest.tradesHistory(start: Double(since) / 1000 - 0.001).filter { $0.timeMillis >= since }
        var clientIds: [String: String] = [:]
        var unknown: Set<String> = []
        for t in trades where clientIds[t.orderTxid] == nil {
            if let id = await ledger.clientOrderId(txid: t.orderTxid) { clientIds[t.orderTxid] = id } else { unknown.insert(t.orderTxid) }
        }
        if !unknown.isEmpty {
            for info in try await rest.queryOrders(txids: unknown.sorted()) {
                clientIds[info.txid] = info.clOrdId ?? info.txid
            }
        }
        return trades.map { t in
            t.fill(symbol: table.symbol(krakenName: t.pair), clientOrderId: clientIds[t.orderTxid] ?? t.orderTxid)
        }
    }

    /// Publishes fills the account got since the newest one seen (used after a reconnect).
    func backfillFills() async {
        let since = await ledger.lastFillTime
        do {
            for fill in try await fills(since: since) { await publish(.filled(fill)) }
        } catch {
            logger.warning("kraken: backfill of fills since \(since) after reconnect failed: \(error)")
        }
    }

    /// Turns one `executions` message into events.
    func handleExecutions(_ json: KrakenJSON) async {
        guard json["channel"]?.string == "executions" else { return }
        let table = try? await pairs.pairs()
        for e in json["data"]?.array ?? [] {
            guard let txid = e["order_id"]?.string else { continue }
            var clientId = e["cl_ord_id"]?.string
            if clientId == nil { clientId = await ledger.clientOrderId(txid: txid) }
            let id = clientId ?? txid
            let time = e["timestamp"]?.string.flatMap { KrakenTime.nanos(rfc3339: $0) }.map { $0 / 1_000_000 } ?? clock.now()
            let symbolName = e["symbol"]?.string ?? ""
            let symbol = table?.symbol(krakenName: symbolName) ?? KrakenAssets.unifiedSymbol(wsname: symbolName)
            let execType = e["exec_type"]?.string ?? (json["type"]?.string == "snapshot" ? "new" : "")
            switch execType {
            case "new":
                await ledger.remember(clientOrderId: id, txid: txid, symbol: symbol, submittedAt: nil)
                await publish(.accepted(clientOrderId: id, venueOrderId: txid, time: time))
            case "trade":
                guard let tradeId = e["exec_id"]?.string, let price = e["last_price"]?.fixed, let qty = e["last_qty"]?.fixed else { continue }
                let side: OrderSide = e["side"]?.string == "sell" ? .sell : .buy
                // v2 lists each fee with its asset: quote by default, base when the order asked for it (oflags fcib).
                let fees = e["fees"]?.array ?? []
                let fee = fees.compactMap { $0["qty"]?.fixed }.reduce(Fixed.zero, +)
                let feeAsset = fees.first?["asset"]?.string ?? ""
                let liquidity: Liquidity = e["liquidity_ind"]?.string == "m" ? .maker : .taker
                var fill = Fill(tradeId: tradeId, clientOrderId: id, venueOrderId: txid, symbol: symbol, side: side,
                                price: price, quantity: qty, feeAmount: fee,
                                feeAsset: feeAsset.isEmpty ? "" : KrakenAssets.unifiedAsset(feeAsset), liquidity: liquidity, time: time)
                // `order_status` after this execution: `filled` once nothing remains.
                fill.orderComplete = e["order_status"]?.string.map { $0 == "filled" }
                await publish(.filled(fill))
            case "filled":
                // Spot may report `partially_filled` on the trade that completes an order and send this update
                // after it: the order's newest fill is published again as its completion (once).
                if let fill = await ledger.completion(clientOrderId: id) { await publish(.filled(fill)) }
            case "canceled":
                await publish(.canceled(clientOrderId: id, reason: e["reason"]?.string ?? "canceled by the venue", time: time))
            case "expired":
                await publish(.expired(clientOrderId: id, reason: e["reason"]?.string ?? "expired", time: time))
            default:
                continue
            }
        }
    }
}
