import TradingModel

/// Compares the order journal with the venue and makes the journal true again: on start and after every
/// reconnect. It adopts fills that happened while we were down, records acks of intents that did reach the
/// venue, closes out orders the venue finished or no longer has, and marks intents the venue never saw as
/// failed. It never submits anything: a client order id is sent at most once, by the session.
public struct Reconciler: Sendable {
    /// The journal to make true.
    public let journal: any OrderJournal
    /// The venue to ask.
    public let exchange: any Exchange
    /// The source of the report's and the recorded events' times.
    public let clock: any TradingClock

    /// Milliseconds subtracted from the oldest intent's time when asking for fills: the venue's clock may be behind.
    public static let clockSkewMargin: Int64 = 60_000

    /// A reconciler of `journal` against `exchange`.
    public init(journal: any OrderJournal, exchange: any Exchange, clock: any TradingClock = WallClock()) {
        self.journal = journal
        self.exchange = exchange
        self.clock = clock
    }

    /// Reconciles the unfinished orders of `session` (all sessions when nil).
    /// - Throws: the venue's or the journal's error; what was recorded before it stays recorded, and running
    ///   again finishes the job (every step is idempotent).
    public func reconcile(session: String? = nil) async throws -> ReconciliationReport {
        let now = clock.now()
        let unfinished = try await journal.unfinishedOrders(session: session)
        var report = ReconciliationReport(venue: exchange.name, time: now, checked: unfinished.count)
        var venueFills: [String: [Fill]] = [:]
        for symbol in Set(unfinished.map(\.request.symbol)).sorted() {
            let since = unfinished.filter { $0.request.symbol == symbol }.map(\.createdAt).min() ?? 0
            venueFills[symbol] = try await exchange.fills(symbol: symbol, since: max(since - Self.clockSkewMargin, 0))
        }
        for entry in unfinished {
            try await reconcile(entry, venueFills: venueFills[entry.request.symbol] ?? [], now: now, report: &report)
        }
        let journaled = Set(try await journal.orders(in: nil, session: nil).map(\.clientOrderId))
        for order in try await exchange.openOrders(symbol: nil) where !journaled.contains(order.request.clientOrderId) {
            report.unknownAtVenue.append(order.request.clientOrderId)
        }
        report.balances = try await exchange.balances()
        return report
    }

    private func reconcile(_ entry: JournalOrder, venueFills: [Fill], now: Int64,
                           report: inout ReconciliationReport) async throws {
        let id = entry.clientOrderId
        let venueOrder: Order?
        do {
            venueOrder = try await exchange.order(clientOrderId: id, symbol: entry.request.symbol)
        } catch let error as ExchangeError where error.kind == .unknownOrder {
            venueOrder = nil  // some venues answer "unknown order" with an error rather than nothing
        }
        if let venueOrder, entry.state == .intent {
            try await apply(.accepted(clientOrderId: id, venueOrderId: venueOrder.venueOrderId, time: now), &report)
            report.acknowledged.append(id)
        }
        let known = Set(entry.fills.map(\.tradeId))
        var adopted = false
        let missing = venueFills.filter { $0.clientOrderId == id && !known.contains($0.tradeId) }
        for (index, listed) in missing.enumerated() {
            var fill = listed
            // Trade lists do not say whether a fill completed its order; the venue's order status does.
            if fill.orderComplete == nil, let venueOrder {
                fill.orderComplete = index == missing.count - 1 && venueOrder.status == .filled
            }
            if try await apply(.filled(fill), &report) {
                report.adoptedFills.append(fill)
                adopted = true
            }
        }
        let current = try await journal.order(clientOrderId: id) ?? entry
        guard let venueOrder else {
            if current.state.isTerminal { return }
            if current.state == .intent && !adopted {
                let reason = "never reached \(exchange.name): unknown there by client order id"
                try await journal.close(clientOrderId: id, as: .failed, reason: reason, time: now)
                report.events.append(.rejected(clientOrderId: id, reason: reason, time: now))
                report.failedIntents.append(id)
            } else {
                let reason = "\(exchange.name) no longer has the order"
                try await journal.close(clientOrderId: id, as: .closedOut, reason: reason, time: now)
                report.events.append(.canceled(clientOrderId: id, reason: reason, time: now))
                report.closedOut.append(id)
            }
            return
        }
        switch venueOrder.status {
        case .pendingNew, .accepted, .partiallyFilled:
            report.stillOpen.append(id)
        case .filled:
            guard !current.state.isTerminal else { break }
            if venueOrder.filledQuantity == current.filledQuantity, let last = current.fills.last {
                // Every fill is known; only the venue's word that the order is complete was missed.
                if try await apply(.filled(last.completing(true)), &report) { report.completed.append(id) }
            } else {
                report.mismatches.append("\(id): \(exchange.name) says filled \(venueOrder.filledQuantity), "
                    + "its trade history shows \(current.filledQuantity)")
            }
        case .canceled:
            if try await apply(.canceled(clientOrderId: id, reason: "canceled at \(exchange.name) while we were down", time: now), &report) {
                report.closedOut.append(id)
            }
        case .expired:
            if try await apply(.expired(clientOrderId: id, reason: "expired at \(exchange.name) while we were down", time: now), &report) {
                report.closedOut.append(id)
            }
        case .rejected:
            if try await apply(.rejected(clientOrderId: id, reason: "rejected by \(exchange.name)", time: now), &report) {
                report.closedOut.append(id)
            }
        }
    }

    /// Journals `event` and keeps it for the running kernel when it changed something.
    @discardableResult
    private func apply(_ event: ExecutionEvent, _ report: inout ReconciliationReport) async throws -> Bool {
        guard try await journal.record(event) else { return false }
        report.events.append(event)
        return true
    }
}
