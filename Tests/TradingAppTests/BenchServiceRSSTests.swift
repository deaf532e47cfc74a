import Foundation
import Testing
@testable import TradingApp

@Suite("graphwiz bench rss: idle memory of a spawned serve", .serialized)
struct BenchServiceRSSTests {
    @Test("VmRSS and VmHWM are read in kB from a /proc status text")
    func parsesStatus() {
        let status = "Name:\tgraphwiz\nVmHWM:\t   51234 kB\nVmRSS:\t   40960 kB\nThreads:\t9\n"
        #expect(BenchServiceRSS.kilobytes("VmRSS", in: status) == 40_960)
        #expect(BenchServiceRSS.kilobytes("VmHWM", in: status) == 51_234)
        #expect(BenchServiceRSS.kilobytes("VmSwap", in: status) == nil)
    }

    @Test("a spawned simulation serve is measured after its session started and exits 0 on SIGTERM")
    func measuresServe() async throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("graphwiz").path
        let measurement = try await BenchServiceRSS(binary: binary, settleSeconds: 0.5).measure()
        #expect(measurement.rssKilobytes > 1_000)
        #expect(measurement.peakKilobytes >= measurement.rssKilobytes)
        #expect(measurement.exitStatus == 0)
    }

    @Test("a missing binary is refused with its path")
    func missingBinary() async {
        await #expect(throws: BenchServiceRSS.Failure.self) {
            _ = try await BenchServiceRSS(binary: "/nonexistent/graphwiz").measure()
        }
    }
}
