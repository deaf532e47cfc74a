import ArgumentParser
import Foundation

/// `graphwiz bench rss`: resident memory of an idle `graphwiz serve` (simulation mode) after start-up.
struct BenchServiceRSSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rss",
        abstract: "Spawn graphwiz serve (simulation), read its idle VmRSS from /proc, stop it with SIGTERM.")

    @Option(help: "The graphwiz binary to spawn (default: this one).")
    var binary: String?

    @Option(help: "Seconds to let the service settle after its session started.")
    var settle = 2.0

    @Option(help: "Write the measurement as JSON to this file.")
    var output: String?

    func validate() throws {
        guard settle >= 0 && settle <= 600 else { throw ValidationError("--settle must be 0...600 seconds, got \(settle)") }
    }

    func run() async throws {
        let path = binary ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let measurement = try await BenchServiceRSS(binary: path, settleSeconds: settle).measure()
        let megabytes = Double(measurement.rssKilobytes) / 1_024
        print("graphwiz bench rss: \(path)")
        print("idle serve (simulation, 1 session): VmRSS \(String(format: "%.1f", megabytes)) MB, "
            + "VmHWM \(String(format: "%.1f", Double(measurement.peakKilobytes) / 1_024)) MB, "
            + "session started after \(String(format: "%.2f", measurement.startupSeconds)) s, exit \(measurement.exitStatus) after SIGTERM")
        print("\(megabytes < BenchServiceRSS.targetMegabytes ? "PASS" : "FAIL"): idle RSS "
            + "\(String(format: "%.1f", megabytes)) MB (target < \(Int(BenchServiceRSS.targetMegabytes)) MB)")
        if let output { try BenchJSON.write(measurement, to: output) }
    }
}
