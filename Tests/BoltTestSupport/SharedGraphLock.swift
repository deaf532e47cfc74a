#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Serializes the tests that write to the shared Bolt test server.
///
/// FalkorDB's Bolt endpoint ignores the database a transaction selects: every test's "own" graph is one and the
/// same graph, so a test that clears its graph (`MATCH (n) DETACH DELETE n`) deletes what a test running at the
/// same time just wrote, and node counts see the other tests' nodes. Every test that writes to or clears the
/// server runs its body under this lock: an exclusive `flock` on a file beside the temporary directory, held
/// across test targets and processes, polled without blocking a cooperative thread.
public enum SharedGraphLock {
    /// The lock file.
    public static let path = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-bolt-tests.lock").path

    /// Runs `body` while holding the lock.
    public static func withLock<T>(_ body: () async throws -> T) async throws -> T {
        let descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else { throw LockError(message: "cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            try await Task.sleep(for: .milliseconds(25))
        }
        defer { flock(descriptor, LOCK_UN) }
        return try await body()
    }

    /// The lock file could not be opened.
    public struct LockError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
