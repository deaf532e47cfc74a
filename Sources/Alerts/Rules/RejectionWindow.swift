import Foundation

/// Counts order rejections in a sliding time window, for ``AlertInput/rejectionsInWindow``.
///
/// Record each rejection as it happens; ask for the count when building a snapshot.
/// - Complexity: amortised O(1) per record and per expired rejection.
public struct RejectionWindow: Sendable {
    /// Window length in seconds.
    public var seconds: Double
    private var times: [Date] = []
    private var head = 0

    /// An empty window of `seconds`.
    public init(seconds: Double) { self.seconds = seconds }

    /// Records one rejection at `time` (times must not go backwards).
    public mutating func record(at time: Date) { times.append(time) }

    /// Rejections in `(now - seconds, now]`; forgets older ones.
    public mutating func count(at now: Date) -> Int {
        let cutoff = now.addingTimeInterval(-seconds)
        while head < times.count, times[head] <= cutoff { head += 1 }
        if head > 64, head * 2 > times.count {
            times.removeFirst(head)
            head = 0
        }
        return times.count - head
    }
}
