import TradingAPI
import TradingCore
import TradingModel

extension SessionTradingControl {
    /// Subscribes to every session's updates; call before the sessions run so no update is missed
    /// (``pump()`` calls it when it was not called).
    public func connect() async {
        guard sessionStreams == nil else { return }
        var streams: [AsyncStream<SessionUpdate>] = []
        for entry in entries { streams.append(await entry.session.updates()) }
        sessionStreams = streams
        pumpsRunning = streams.count
    }

    /// Forwards every session's updates to the API subscribers (and keeps recent fills) until every session has
    /// ended; then ends the subscriptions. Run it once, next to the sessions.
    public func pump() async {
        await connect()
        let streams = sessionStreams ?? []
        await withTaskGroup(of: Void.self) { group in
            for (index, stream) in streams.enumerated() {
                group.addTask {
                    for await update in stream { await self.forward(update, from: index) }
                    await self.pumpEnded()
                }
            }
        }
        broadcaster.finish()
    }

    func pumpEnded() { pumpsRunning -= 1 }

    func forward(_ update: SessionUpdate, from index: Int) {
        switch update {
        case let .fill(fill):
            recentFills.append(fill)
            if recentFills.count > Self.fillMemory { recentFills.removeFirst(recentFills.count - Self.fillMemory) }
            broadcaster.publish(.fill(fill))
        case let .order(order):
            broadcaster.publish(.order(order))
        case let .equity(time, value):
            // The session reports its own equity; the API shows the account's, summed over sessions.
            latestEquity[index] = value
            let total = latestEquity.reduce(Money.zero, +)
            if total > equityPeak { equityPeak = total }
            let drawdown = equityPeak.isPositive && total < equityPeak ? ((equityPeak - total) / equityPeak).doubleValue : 0
            broadcaster.publish(.equity(EquityPoint(time: time, equity: total, drawdown: drawdown)))
        case let .alert(alert):
            broadcaster.publish(.alert(AlertMessage(time: alert.time, severity: alert.severity.rawValue, rule: alert.code,
                                                    message: alert.message)))
        case let .reconciliation(report):
            broadcaster.publish(.alert(AlertMessage(time: now(), severity: "info", rule: "reconciliation",
                                                    message: report.description)))
        case .decision, .position:
            // Signals, risk verdicts and positions after fills go to the provenance graph (ProvenanceFeedService);
            // API clients read positions from the snapshot.
            break
        }
    }
}

extension SessionTradingControl {
    /// Ends every current update subscription (shutdown); ``pump()`` keeps draining the sessions.
    public nonisolated func closeStreams() { broadcaster.finish() }
}
