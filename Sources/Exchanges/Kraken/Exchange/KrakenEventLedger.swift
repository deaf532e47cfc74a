import TradingModel

/// What the Kraken exchange has said so far, so every order event reaches the stream exactly once although
/// it may arrive twice (REST answer and WebSocket execution, snapshot after reconnect, REST backfill).
actor KrakenEventLedger {
    struct Known: Sendable {
        var txid: String
        var symbol: String
        /// Seconds on the monotonic clock when it was submitted (cancel cost depends on age).
        var submittedAt: ContinuousClock.Instant?
    }

    private var byClientId: [String: Known] = [:]
    private var clientIdByTxid: [String: String] = [:]
    private var accepted: Set<String> = []
    private var finished: Set<String> = []
    private var fills: Set<String> = []
    /// The newest fill of each order not known complete yet, by client order id (for Kraken's separate
    /// `filled` update, which completes an order after its last trade said `partially_filled`).
    private var lastFill: [String: Fill] = [:]
    private var completed: Set<String> = []
    /// Unix ms of the newest fill seen (the REST backfill starts there).
    private(set) var lastFillTime: Int64 = 0

    func remember(clientOrderId: String, txid: String, symbol: String, submittedAt: ContinuousClock.Instant?) {
        var known = byClientId[clientOrderId] ?? Known(txid: txid, symbol: symbol, submittedAt: submittedAt)
        known.txid = txid
        if known.submittedAt == nil { known.submittedAt = submittedAt }
        byClientId[clientOrderId] = known
        clientIdByTxid[txid] = clientOrderId
    }

    func known(clientOrderId: String) -> Known? { byClientId[clientOrderId] }

    func clientOrderId(txid: String) -> String? { clientIdByTxid[txid] }

    /// The events to publish for `event`, in order (an acceptance is synthesized before a first fill), or
    /// nothing when it was published already.
    func admit(_ event: ExecutionEvent) -> [ExecutionEvent] {
        switch event {
        case let .accepted(id, txid, _):
            clientIdByTxid[txid] = id
            return accepted.insert(id).inserted ? [event] : []
        case let .filled(fill):
            guard fills.insert(fill.tradeId).inserted else {
                // A known fill passes once more only as the order's completion.
                guard fill.orderComplete == true, completed.insert(fill.clientOrderId).inserted else { return [] }
                lastFill[fill.clientOrderId] = nil
                return [event]
            }
            if fill.orderComplete == true {
                completed.insert(fill.clientOrderId)
                lastFill[fill.clientOrderId] = nil
            } else {
                lastFill[fill.clientOrderId] = fill
            }
            lastFillTime = max(lastFillTime, fill.time)
            clientIdByTxid[fill.venueOrderId] = fill.clientOrderId
            var out: [ExecutionEvent] = []
            if accepted.insert(fill.clientOrderId).inserted {
                out.append(.accepted(clientOrderId: fill.clientOrderId, venueOrderId: fill.venueOrderId, time: fill.time))
            }
            out.append(event)
            return out
        case let .canceled(id, _, _), let .expired(id, _, _), let .rejected(id, _, _):
            lastFill[id] = nil
            return finished.insert(id).inserted ? [event] : []
        case .triggered, .cancelRejected:
            return [event]
        }
    }

    /// The newest fill of `clientOrderId` marked as completing the order, when the order has fills and was not
    /// known complete: what a `filled` update publishes.
    func completion(clientOrderId: String) -> Fill? {
        guard !completed.contains(clientOrderId), let fill = lastFill[clientOrderId] else { return nil }
        return fill.completing(true)
    }
}
