import TradingModel

extension OrderMatchingEngine {
    /// Reasons of `.cancelRejected` events start with this prefix; such an event never changes the order's
    /// state (the order is unknown or already finished).
    public static let cancelRejectionPrefix = "cancel: "

    /// Cancels a working order: emits `.canceled` with reason "canceled by client".
    ///
    /// An order that is not working is answered with `.cancelRejected` whose reason starts with
    /// ``cancelRejectionPrefix``: "cancel: unknown order X on SYMBOL" or "cancel: order X is already filled"
    /// (or canceled, expired).
    /// - Complexity: O(n) in the working orders.
    public mutating func cancel(clientOrderId: String, time: Int64, events: inout [ExecutionEvent]) {
        if let index = orders.firstIndex(where: { $0.request.clientOrderId == clientOrderId }) {
            finish(index, .canceled, time: time)
            events.append(.canceled(clientOrderId: clientOrderId, reason: "canceled by client", time: time))
            removeFinished()
            return
        }
        let prefix = Self.cancelRejectionPrefix
        let reason = if let status = knownOrders[clientOrderId] {
            "\(prefix)order \(clientOrderId) is already \(status.rawValue)"
        } else {
            "\(prefix)unknown order \(clientOrderId) on \(instrument.symbol)"
        }
        events.append(.cancelRejected(clientOrderId: clientOrderId, reason: reason, time: time))
    }

    /// Cancels every working order, in submission order, each with a `.canceled` event.
    /// - Complexity: O(n) in the working orders.
    public mutating func cancelAll(time: Int64, events: inout [ExecutionEvent]) {
        for index in working.indices {
            finish(index, .canceled, time: time)
            events.append(.canceled(clientOrderId: orders[index].request.clientOrderId, reason: "canceled by client",
                                    time: time))
        }
        removeFinished()
    }
}
