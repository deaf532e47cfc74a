import TradingModel

/// Drops execution events already emitted: the same acknowledgement, fill or end of an order reaches the
/// adapter twice, once in the REST answer and once on the user data stream.
struct BinanceEventFilter: Sendable {
    private var seen: Set<String> = []

    /// True the first time an event's identity is offered.
    mutating func admit(_ event: ExecutionEvent) -> Bool {
        let key: String
        switch event {
        case let .accepted(id, _, _): key = "ack:\(id)"
        case let .filled(fill): key = "fill:\(fill.symbol):\(fill.tradeId)"
        case let .canceled(id, _, _), let .rejected(id, _, _), let .expired(id, _, _): key = "end:\(id)"
        case let .triggered(id, _): key = "trig:\(id)"
        case .cancelRejected: return true
        }
        return seen.insert(key).inserted
    }
}
