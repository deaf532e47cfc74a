import TradingModel

/// One order as the journal knows it: the full request, who sent it, its state and every fill.
public struct JournalOrder: Sendable, Hashable, Codable {
    /// The request exactly as it was (or was to be) sent.
    public var request: OrderRequest
    /// Strategy name (or `manual`) that asked for it.
    public var strategy: String
    /// The trading session that owns it.
    public var session: String
    public var state: JournalOrderState
    /// Venue-assigned id, empty until acknowledged.
    public var venueOrderId: String
    /// Fills in the order they arrived.
    public var fills: [Fill]
    /// Why it ended (rejection, cancel or reconciliation reason); empty while it works.
    public var reason: String
    /// Unix ms of the intent.
    public var createdAt: Int64
    /// Unix ms of the last change.
    public var updatedAt: Int64

    /// A fresh intent.
    public init(request: OrderRequest, strategy: String, session: String, state: JournalOrderState = .intent,
                venueOrderId: String = "", fills: [Fill] = [], reason: String = "", createdAt: Int64,
                updatedAt: Int64? = nil) {
        self.request = request
        self.strategy = strategy
        self.session = session
        self.state = state
        self.venueOrderId = venueOrderId
        self.fills = fills
        self.reason = reason
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var clientOrderId: String { request.clientOrderId }

    /// Sum of the fills' quantities.
    public var filledQuantity: Quantity { fills.reduce(Quantity.zero) { $0 + $1.quantity } }

    /// The order as the execution engine tracks it (fills booked, status from the state).
    public var order: Order {
        var order = Order(request: request, createdAt: createdAt)
        order.venueOrderId = venueOrderId
        for fill in fills { order.record(fillPrice: fill.price, quantity: fill.quantity, fee: fill.fee, time: fill.time) }
        order.status = state.orderStatus
        order.updatedAt = updatedAt
        return order
    }

    /// Folds a venue event into the order; returns false when it changed nothing (a fill already recorded, or
    /// an event after the order finished that carries no fill).
    public mutating func apply(_ event: ExecutionEvent) -> Bool {
        switch event {
        case let .accepted(_, venueId, time):
            if venueOrderId.isEmpty || venueOrderId != venueId { venueOrderId = venueId }
            guard state == .intent else { return false }
            state = .accepted
            updatedAt = time
        case let .filled(fill):
            guard !fills.contains(where: { $0.tradeId == fill.tradeId }) else {
                // A fill known already may come back with the venue's word that the order is complete
                // (reconciliation finishing a quote-quantity order whose last report was missed).
                guard fill.orderComplete == true, !state.isTerminal else { return false }
                state = .filled
                updatedAt = max(updatedAt, fill.time)
                return true
            }
            fills.append(fill)
            if venueOrderId.isEmpty { venueOrderId = fill.venueOrderId }
            let complete = request.isComplete(filled: filledQuantity, after: fill)
            // A late fill of an order already closed keeps its end state unless it completes the order.
            if complete { state = .filled } else if !state.isTerminal { state = .partiallyFilled }
            updatedAt = max(updatedAt, fill.time)
        case let .rejected(_, why, time):
            guard !state.isTerminal else { return false }
            state = .rejected
            reason = why
            updatedAt = time
        case let .canceled(_, why, time):
            guard !state.isTerminal else { return false }
            state = .canceled
            reason = why
            updatedAt = time
        case let .expired(_, why, time):
            guard !state.isTerminal else { return false }
            state = .expired
            reason = why
            updatedAt = time
        case .triggered, .cancelRejected:
            return false
        }
        return true
    }
}
