import TradingModel

/// Tracks every order the kernel sent, by client order id, and folds venue events into them.
public struct ExecutionEngine: Sendable {
    /// Generated client order ids (unique per run or per service instance).
    public var ids: ClientOrderIdSequence
    /// Every order ever sent, by client order id.
    public private(set) var orders: [String: Order] = [:]
    /// Client order ids in submission order.
    public private(set) var sequenceOfIds: [String] = []
    private var instrumentIndex: [String: Int] = [:]

    public init(idPrefix: String) { self.ids = ClientOrderIdSequence(prefix: idPrefix) }

    /// A new, never used client order id such as `bt-42`.
    public mutating func nextClientOrderId() -> String { ids.next() }

    /// Records an order that is about to be sent.
    public mutating func register(_ request: OrderRequest, instrument: Int, time: Int64) {
        orders[request.clientOrderId] = Order(request: request, createdAt: time)
        instrumentIndex[request.clientOrderId] = instrument
        sequenceOfIds.append(request.clientOrderId)
    }

    /// Tracks an order that was sent before (recovered after a restart) with its current state; an id already
    /// tracked is updated in place.
    public mutating func adopt(_ order: Order, instrument: Int) {
        let id = order.request.clientOrderId
        if orders.updateValue(order, forKey: id) == nil { sequenceOfIds.append(id) }
        instrumentIndex[id] = instrument
    }

    /// Applies a venue event; returns the instrument and updated order, or nil for unknown orders.
    public mutating func apply(_ event: ExecutionEvent) -> (instrument: Int, order: Order)? {
        let id = event.clientOrderId
        guard var order = orders[id], let instrument = instrumentIndex[id] else { return nil }
        switch event {
        case let .accepted(_, venueId, time):
            order.venueOrderId = venueId
            if order.status == .pendingNew { order.status = .accepted }
            order.updatedAt = time
        case let .rejected(_, _, time):
            order.status = .rejected
            order.updatedAt = time
        case .cancelRejected:
            return (instrument, order)
        case let .triggered(_, time):
            order.triggered = true
            order.updatedAt = time
        case let .filled(fill):
            order.record(fillPrice: fill.price, quantity: fill.quantity, fee: fill.fee, time: fill.time)
            if order.venueOrderId.isEmpty { order.venueOrderId = fill.venueOrderId }
            // A late fill of an order already ended keeps its end state unless it completes the order.
            if order.request.isComplete(filled: order.filledQuantity, after: fill) {
                order.status = .filled
            } else if !order.status.isTerminal {
                order.status = .partiallyFilled
            }
        case let .canceled(_, _, time):
            order.status = .canceled
            order.updatedAt = time
        case let .expired(_, _, time):
            order.status = .expired
            order.updatedAt = time
        }
        orders[id] = order
        return (instrument, order)
    }

    /// Marks a tracked order filled without booking anything: the venue said it is complete and every fill of
    /// it was applied already (a quote-quantity order finished by reconciliation). Returns the instrument and
    /// order, or nil when the order is unknown or already ended.
    public mutating func complete(clientOrderId id: String, time: Int64) -> (instrument: Int, order: Order)? {
        guard var order = orders[id], let instrument = instrumentIndex[id], !order.status.isTerminal else { return nil }
        order.status = .filled
        order.updatedAt = max(order.updatedAt, time)
        orders[id] = order
        return (instrument, order)
    }

    /// Orders in submission order.
    public var allOrders: [Order] { sequenceOfIds.compactMap { orders[$0] } }
}
