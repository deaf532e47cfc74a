import Synchronization

/// An `Int64` shared between tasks without locks (last-message time, flags).
final class KrakenAtomicCell: Sendable {
    private let value: Atomic<Int64>

    init(_ initial: Int64) { value = Atomic(initial) }

    func load() -> Int64 { value.load(ordering: .acquiring) }

    func store(_ newValue: Int64) { value.store(newValue, ordering: .releasing) }

    /// Adds `delta` and returns the new value.
    @discardableResult
    func add(_ delta: Int64) -> Int64 { value.add(delta, ordering: .acquiringAndReleasing).newValue }
}
