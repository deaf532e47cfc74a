import TradingCore
import TradingModel

/// Turns one trading session's updates into provenance records for a ``ProvenanceWriter``: every decision as a
/// `Signal` (with its bar and indicator values) and its `RiskCheck` (`APPROVED_BY` or `REJECTED_BY`, with the
/// refusal's code and reason), every order change as an `Order` placed by the session's strategy (`BASED_ON`
/// its signal, by client order id), every fill as a `Fill` of its order, and the position each fill left as a
/// `Position` the fill `UPDATED` (see ``positionRecords(_:after:)``). Equity, alerts and reconciliations are not
/// provenance and are skipped without allocating.
///
/// ``submit(_:)`` never blocks (the writer queues or drops), so the feed keeps up with the session's stream.
public struct SessionProvenanceFeed: Sendable {
    /// Where the records go.
    public let writer: ProvenanceWriter
    /// The registry name of the session's strategy (orders tagged `manual…` are placed by `manual`).
    public let strategy: String
    /// Symbol → the position open after the last fill seen: its `opened_at` (the id of its `Position` node) and
    /// the ledger's realized P&L of the symbol when it opened.
    let openPositions = Locked<[String: OpenPosition]>([:])

    /// A feed of one session's updates into `writer`.
    public init(writer: ProvenanceWriter, strategy: String) {
        self.writer = writer
        self.strategy = strategy
    }

    /// Submits the records of `update`; returns how many were accepted.
    @discardableResult
    public func submit(_ update: SessionUpdate) -> Int {
        switch update {
        case let .decision(decision):
            // Signal and RiskCheck carry the bar time, like the Order (created at its bar) and the backtest graph,
            // so retention treats the whole chain alike; the session clock's time is `decided_at`.
            let time = decision.bar?.time ?? decision.time
            let signal = SignalRecord(id: decision.clientOrderId, strategy: decision.strategy, symbol: decision.symbol,
                                      side: decision.side, tag: decision.tag, time: time, indicators: decision.indicators,
                                      bar: decision.bar)
            let check = RiskCheckRecord(signalId: decision.clientOrderId, passed: decision.passed, code: decision.code,
                                        reason: decision.reason, time: time, decidedAt: decision.time)
            return (writer.submit(.signal(signal)) ? 1 : 0) + (writer.submit(.riskCheck(check)) ? 1 : 0)
        case let .order(order):
            let placer = order.request.tag.hasPrefix("manual") ? "manual" : strategy
            return writer.submit(.order(OrderRecord(order: order, strategy: placer))) ? 1 : 0
        case let .fill(fill):
            return writer.submit(.fill(fill)) ? 1 : 0
        case let .position(position, fill):
            var accepted = 0
            for record in positionRecords(position, after: fill) where writer.submit(.position(record)) { accepted += 1 }
            return accepted
        case .equity, .alert, .reconciliation:
            return 0
        }
    }

    /// Submits every update of `updates` until the stream ends (the session ended or the subscription closed).
    public func run(_ updates: AsyncStream<SessionUpdate>) async {
        for await update in updates { submit(update) }
    }
}
