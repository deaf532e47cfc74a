import Foundation

/// A thread-safe once-only "closed" flag.
final class ClosedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false

    var isClosed: Bool { lock.withLock { closed } }

    /// Marks closed; true the first time only.
    func close() -> Bool {
        lock.withLock {
            defer { closed = true }
            return !closed
        }
    }
}
