/// What a venue reports back about orders. Fills and acknowledgements always arrive as events,
/// never as return values, in backtest, paper and live alike.
public enum ExecutionEvent: Sendable, Hashable, Codable {
    /// The venue accepted the order and assigned `venueOrderId`.
    case accepted(clientOrderId: String, venueOrderId: String, time: Int64)
    /// The venue refused the order.
    case rejected(clientOrderId: String, reason: String, time: Int64)
    /// A stop or take-profit order's trigger fired.
    case triggered(clientOrderId: String, time: Int64)
    /// (Part of) the order executed.
    case filled(Fill)
    /// The order was canceled (by request, IOC remainder, or venue).
    case canceled(clientOrderId: String, reason: String, time: Int64)
    /// A cancel request was refused (unknown or already finished order); the order's state did not change.
    case cancelRejected(clientOrderId: String, reason: String, time: Int64)
    /// The order expired (e.g. FOK that could not fill).
    case expired(clientOrderId: String, reason: String, time: Int64)

    /// The client order id the event is about.
    public var clientOrderId: String {
        switch self {
        case let .accepted(id, _, _), let .rejected(id, _, _), let .triggered(id, _),
             let .canceled(id, _, _), let .expired(id, _, _), let .cancelRejected(id, _, _):
            return id
        case let .filled(fill): return fill.clientOrderId
        }
    }
}

/// What the kernel asks a venue to do.
public enum VenueCommand: Sendable, Hashable, Codable {
    case submit(OrderRequest)
    case cancel(clientOrderId: String, symbol: String)
}
