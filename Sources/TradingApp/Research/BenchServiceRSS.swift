import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Spawns `graphwiz serve` in simulation mode (embedded defaults, a temporary SQLite store, HTTP and metrics on free ports),
/// waits until its session started and the short replay settled, reads `VmRSS`/`VmHWM` from
/// `/proc/PID/status`, then stops it with SIGTERM.
struct BenchServiceRSS: Sendable {
    /// What was measured.
    struct Measurement: Sendable, Hashable, Codable {
        /// Resident set after start-up, kB.
        var rssKilobytes: Int
        /// Peak resident set, kB.
        var peakKilobytes: Int
        /// Seconds from spawn until the session reported it started.
        var startupSeconds: Double
        /// Exit status after SIGTERM.
        var exitStatus: Int32
    }

    /// Why a measurement failed; names the binary, the file or the log that shows what went wrong.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The `graphwiz` binary to spawn.
    var binary: String
    /// Seconds to wait for the session to start.
    var startTimeout: Double = 60
    /// Seconds to let the service settle before reading RSS.
    var settleSeconds: Double = 2
    /// Bars the simulation replays (at full speed) before it idles.
    var bars = 200

    /// Target of issue 5: idle RSS under 60 MB.
    static let targetMegabytes = 60.0

    /// Spawns, measures and stops the service.
    func measure() async throws -> Measurement {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure(description: "bench rss: \(binary) is not an executable graphwiz binary; pass --binary PATH")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-rss-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        // The embedded default configuration (one sma_cross session); HTTP and metrics on free ports.
        process.arguments = ["serve", "--db", directory.appendingPathComponent("serve.sqlite").path,
                             "--http-port", "0", "--metrics-port", "0",
                             "--bars", "\(bars)", "--speed", "0", "--shutdown-deadline", "10"]
        // Readiness is read from the "session started" info line; the default level (warning) hides it.
        process.environment = ProcessInfo.processInfo.environment.merging(["GRAPHWIZ_LOG_LEVEL": "info"]) { $1 }
        // The child writes to a file: a pipe read through `readabilityHandler` leaves a dispatch source on the
        // descriptor that can outlive it (a failed launch, a handler never cleared) and read from whatever is later
        // given the same number.
        let log = ChildLogFile(directory.appendingPathComponent("serve.log"))
        let output = try log.handleForWriting()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let spawned = Date()
        defer { try? output.close() }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        while !log.text.contains("session started") {
            guard process.isRunning else {
                throw Failure(description: "bench rss: graphwiz serve exited with \(process.terminationStatus) before its session started; log:\n\(log.text)")
            }
            guard Date().timeIntervalSince(spawned) < startTimeout else {
                throw Failure(description: "bench rss: graphwiz serve did not log 'session started' within \(startTimeout) s; log:\n\(log.text)")
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let startup = Date().timeIntervalSince(spawned)
        try await Task.sleep(nanoseconds: UInt64(settleSeconds * 1e9))
        let statusPath = "/proc/\(process.processIdentifier)/status"
        let status = try String(contentsOfFile: statusPath, encoding: .utf8)
        guard let rss = Self.kilobytes("VmRSS", in: status), let peak = Self.kilobytes("VmHWM", in: status) else {
            throw Failure(description: "bench rss: \(statusPath) has no VmRSS/VmHWM line")
        }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        guard !process.isRunning else {
            throw Failure(description: "bench rss: graphwiz serve did not stop within 30 s of SIGTERM; log:\n\(log.text)")
        }
        return Measurement(rssKilobytes: rss, peakKilobytes: peak, startupSeconds: startup,
                           exitStatus: process.terminationStatus)
    }

    /// The value in kB of a `/proc/PID/status` line such as `VmRSS:	   23456 kB`.
    static func kilobytes(_ key: String, in status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.dropFirst(key.count + 1).split(separator: " ").first { !$0.isEmpty && $0 != "\t" }?
                .trimmingCharacters(in: .whitespaces) ?? "")
        }
        return nil
    }
}
