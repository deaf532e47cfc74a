import TradingModel

/// The fills a session's kernel has already applied, by client order id and trade id, so a fill that reaches it
/// twice (the venue's stream and a reconciliation after a reconnect, in either order) moves the position once.
/// Keeps the most recent `capacity` fills: a duplicate arrives within moments of the original, and the memory
/// stays bounded on sessions with millions of fills.
struct RecentFills: Sendable {
    private var keys: Set<String> = []
    private var order: [String] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = max(1, capacity)
    }

    /// Records `fill`; false when it was recorded before.
    mutating func insert(_ fill: Fill) -> Bool {
        let key = fill.clientOrderId + "\u{1F}" + fill.tradeId
        guard keys.insert(key).inserted else { return false }
        if order.count < capacity {
            order.append(key)
        } else {
            keys.remove(order[next])
            order[next] = key
            next = (next + 1) % capacity
        }
        return true
    }
}
