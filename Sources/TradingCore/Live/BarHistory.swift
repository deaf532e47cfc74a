import TradingModel

/// The most recent bars of one instrument in a fixed ring (no allocation per bar), for warming up a strategy
/// whose parameters change.
struct BarHistory: Sendable {
    private var ring: [Bar] = []
    private var head = 0
    let capacity: Int
    /// The newest bar (kept even when `capacity` is 0).
    private(set) var last: Bar?

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        ring.reserveCapacity(self.capacity)
    }

    /// Appends a bar, dropping the oldest when full.
    /// - Complexity: O(1).
    mutating func append(_ bar: Bar) {
        last = bar
        guard capacity > 0 else { return }
        if ring.count < capacity {
            ring.append(bar)
        } else {
            ring[head] = bar
            head = (head + 1) % capacity
        }
    }

    /// Oldest first.
    var bars: [Bar] { Array(ring[head...] + ring[..<head]) }
}
