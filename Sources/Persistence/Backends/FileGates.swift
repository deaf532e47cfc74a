import Foundation

/// One ``ConnectionGate`` per SQLite file in this process, shared by every connection to that file.
final class FileGates: @unchecked Sendable {
    /// The process-wide registry.
    static let shared = FileGates()

    private let lock = NSLock()
    private var gates: [String: ConnectionGate] = [:]

    /// The gate of the file at `path` (paths are compared after standardising and resolving symlinks).
    func gate(for path: String) -> ConnectionGate {
        let key = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        return lock.withLock {
            if let gate = gates[key] { return gate }
            let gate = ConnectionGate()
            gates[key] = gate
            return gate
        }
    }
}
