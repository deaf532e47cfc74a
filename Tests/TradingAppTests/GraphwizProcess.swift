import Foundation
@testable import TradingApp

/// A spawned `graphwiz COMMAND ...` (the binary built next to the test bundle) with its stdout and stderr
/// collected; SIGKILLed if a test leaves it running.
///
/// The output goes to a file, not a pipe: a pipe read through `readabilityHandler` keeps a dispatch source on the
/// descriptor, and its teardown after the child ended could close the descriptor number again when another test
/// had just been given it (a socket in use lost its messages).
final class GraphwizProcess: @unchecked Sendable {
    let process: Process
    private let output: ChildLogFile

    init(_ command: String, arguments: [String], environment: [String: String]) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("graphwiz")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: binary.path])
        }
        output = ChildLogFile(FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-child-\(UUID().uuidString).log"))
        let handle = try output.handleForWriting()
        defer { try? handle.close() }  // the child has its own copy
        process = Process()
        process.executableURL = binary
        process.arguments = [command] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = handle
        process.standardOutput = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Everything the child wrote so far.
    var log: String { output.text }

    /// Waits until the log contains `needle` (true), or `seconds` pass or the child exits (then false unless its
    /// last output contains it).
    func waitForLog(_ needle: String, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline, process.isRunning {
            if log.contains(needle) { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        // An exited child's last output may still be in the pipe: give it a moment to drain.
        let drained = min(deadline, Date().addingTimeInterval(1))
        while Date() < drained, !log.contains(needle) { try? await Task.sleep(for: .milliseconds(50)) }
        return log.contains(needle)
    }

    /// Sends `number` to the child.
    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit status; SIGKILLs the child and returns nil after `seconds`.
    func waitForExit(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// Sends `number` (if still running) and waits for the exit like ``waitForExit(seconds:)``.
    func stop(_ number: Int32, seconds: Double) async -> Int32? {
        if process.isRunning { signal(number) }
        return await waitForExit(seconds: seconds)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: output.url)
    }
}
