import Foundation
import Synchronization

/// Output of a spawned child, collected from its pipe's handler thread.
final class BenchChildLog: Sendable {
    private let buffer = Mutex("")

    /// Appends bytes read from the child.
    func append(_ data: Data) {
        let more = String(decoding: data, as: UTF8.self)
        buffer.withLock { $0 += more }
    }

    /// Everything read so far.
    var text: String { buffer.withLock { $0 } }
}
