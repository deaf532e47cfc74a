/// A fixed-capacity circular buffer holding the most recent `capacity` values.
///
/// Storage is allocated once in `init`; pushing never allocates (as long as the buffer is not shared
/// with a copy, in which case the first write copies it, as for any Swift array).
///
/// Slots are written in order 0, 1, ..., capacity - 1, 0, ... starting with the first push, which is
/// the order TA-Lib's circular buffers use; `slot(_:)` exposes that raw order for algorithms that
/// must sum in exactly TA-Lib's order.
///
/// - Complexity: every operation is O(1) except `init`, which is O(capacity).
struct RingBuffer: Sendable {
    private var storage: [Double]
    private var next = 0
    /// Number of values held (at most `capacity`).
    private(set) var count = 0

    init(capacity: Int) {
        precondition(capacity >= 1, "RingBuffer capacity must be >= 1, got \(capacity)")
        storage = Array(repeating: 0, count: capacity)
    }

    var capacity: Int { storage.count }
    var isFull: Bool { count == storage.count }

    /// Appends `value` and returns the value it evicted, or `nil` while the buffer was not yet full.
    @discardableResult
    mutating func push(_ value: Double) -> Double? {
        let evicted: Double? = isFull ? storage[next] : nil
        storage[next] = value
        next += 1
        if next == storage.count { next = 0 }
        if count < storage.count { count += 1 }
        return evicted
    }

    /// The `index`-th held value in chronological order (0 is the oldest).
    subscript(index: Int) -> Double {
        var position = (isFull ? next : 0) + index
        if position >= storage.count { position -= storage.count }
        return storage[position]
    }

    /// The oldest held value.
    var oldest: Double { self[0] }

    /// The value in raw storage slot `slot` (0..<capacity), regardless of age.
    func slot(_ slot: Int) -> Double { storage[slot] }
}
