#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Runs external programs from async tests without blocking a thread of the cooperative pool.
///
/// Swift's cooperative pool has one thread per core (two on the CI machine). A test that waits for a child
/// synchronously (`waitUntilExit`, `readDataToEndOfFile`) holds one of them for the child's whole life; two
/// such tests at once freeze every other async test in the process, and their timeouts then fire for
/// nothing. Here the exit is awaited through the termination handler and the output goes to a file that is
/// read after the exit (a pipe could be held open by a grandchild).
public enum ChildProcess {
    /// How a child ended.
    public struct Outcome: Sendable {
        /// The exit status (or the signal number when killed).
        public var status: Int32
        /// Standard output and standard error, interleaved.
        public var output: String
        /// True when the child outlived its limit and was killed.
        public var timedOut: Bool
    }

    /// Runs `arguments` through `/usr/bin/env` (so the first one is looked up on PATH), with
    /// `environment` added to this process's environment, in `directory`; kills it after `limit`.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                           limit: Duration = .seconds(120)) async throws -> Outcome {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-child-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let (exits, exited) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { finished in
            exited.yield(finished.terminationStatus)
            exited.finish()
        }
        try process.run()
        let pid = process.processIdentifier
        let killed = Mutex(false)
        let killer = Task {
            try await Task.sleep(for: limit)
            killed.withLock { $0 = true }
            kill(pid, SIGTERM)
            try await Task.sleep(for: .seconds(5))
            kill(pid, SIGKILL)
        }
        var status: Int32 = -1
        for await code in exits { status = code }
        killer.cancel()
        let timedOut = killed.withLock { $0 }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(status: status, output: output, timedOut: timedOut)
    }
}
