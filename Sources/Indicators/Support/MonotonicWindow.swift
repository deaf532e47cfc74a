/// The running maximum (or minimum) of the last `period` values, kept in a monotonic deque.
///
/// The deque lives in two preallocated rings of `period` slots, so pushing never allocates.
///
/// - Complexity: `push` is amortized O(1) (each value enters and leaves the deque once); `init` is
///   O(period).
struct MonotonicWindow: Sendable {
    /// Which extreme the window tracks.
    enum Extreme: Sendable { case maximum, minimum }

    let period: Int
    let extreme: Extreme
    private var values: [Double]
    private var positions: [Int]
    private var head = 0
    private var count = 0
    private var pushed = 0

    init(period: Int, extreme: Extreme) {
        precondition(period >= 1, "MonotonicWindow period must be >= 1, got \(period)")
        self.period = period
        self.extreme = extreme
        values = Array(repeating: 0, count: period)
        positions = Array(repeating: 0, count: period)
    }

    /// Number of values pushed so far.
    var pushedCount: Int { pushed }

    /// Adds `value` and returns the extreme of the last `min(period, pushedCount)` values.
    mutating func push(_ value: Double) -> Double {
        let position = pushed
        pushed += 1
        if count > 0 && positions[head] <= position - period {
            head += 1
            if head == period { head = 0 }
            count -= 1
        }
        while count > 0 {
            var back = head + count - 1
            if back >= period { back -= period }
            let dominated = extreme == .maximum ? values[back] <= value : values[back] >= value
            guard dominated else { break }
            count -= 1
        }
        var slot = head + count
        if slot >= period { slot -= period }
        values[slot] = value
        positions[slot] = position
        count += 1
        return values[head]
    }
}
