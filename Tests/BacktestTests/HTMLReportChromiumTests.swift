import Foundation
import Testing
@testable import Backtest
import MarketData
import ProcessTestSupport
import Strategies
import TradingCore
import TradingModel

/// Renders real reports in headless Chromium through `scripts/report-screenshot.sh`.
/// Where Chromium lives, if anywhere (CHROMIUM overrides).
enum HTMLReportChromium {
    static let browser: String? = {
        if let explicit = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) {
            return explicit
        }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome-stable", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

@Suite(.enabled(if: HTMLReportChromium.browser != nil, "no chromium binary found; install chromium to run"))
struct HTMLReportChromiumTests {

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/report-screenshot.sh")

    /// Runs the screenshot script (killed after 3 minutes); returns its exit status and combined output.
    static func screenshot(_ html: URL, _ png: URL) async throws -> (status: Int32, output: String) {
        let run = try await ChildProcess.run(["bash", script.path, html.path, png.path], limit: .seconds(180))
        return (run.status, run.output)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("html-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A real two-symbol SMA-cross run on synthetic hourly bars.
    static func sampleRun() throws -> (BacktestResult, [InstrumentSeries]) {
        var btc = try SyntheticBarGenerator(seed: 11, timeframe: .oneHour, startPrice: 42_000)
        var eth = try SyntheticBarGenerator(seed: 23, timeframe: .oneHour, startPrice: 2_300)
        let series = [InstrumentSeries(instrument: Instrument(symbol: "BTC/USDT", allowShort: true), bars: btc.generate(count: 6_000)),
                      InstrumentSeries(instrument: Instrument(symbol: "ETH/USDT", allowShort: true), bars: eth.generate(count: 6_000))]
        let configuration = BacktestConfiguration(
            strategy: SmaCross.name,
            parameters: try SmaCross.parameterSpace.parse(["fast=24", "slow=96"], strategy: SmaCross.name),
            instruments: series.map(\.instrument), timeframe: .oneHour,
            data: series.map { DataSourceDescription(kind: "generated", symbol: $0.instrument.symbol, timeframe: .oneHour, bars: 6_000) },
            sizing: .fraction(0.5), allowShort: true)
        let result = try BacktestRunner.run(SmaCross.self, configuration: configuration, series: series, runId: "bt-sample")
        return (result, series)
    }

    @Test func reportRendersInChromiumWithoutConsoleErrors() async throws {
        let (result, series) = try Self.sampleRun()
        #expect(result.trades.count > 5)
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        try HTMLReport.render(result, series: series).write(to: html, atomically: true, encoding: .utf8)
        let run = try await Self.screenshot(html, png)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("no console errors"))
        let size = try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int ?? 0
        #expect(size > 20_000)
        if let keep = ProcessInfo.processInfo.environment["GRAPHWIZ_REPORT_SAMPLE_DIR"] {
            let target = URL(fileURLWithPath: keep)
            try? FileManager.default.removeItem(at: target.appendingPathComponent("report.html"))
            try? FileManager.default.removeItem(at: target.appendingPathComponent("report.png"))
            try FileManager.default.copyItem(at: html, to: target.appendingPathComponent("report.html"))
            try FileManager.default.copyItem(at: png, to: target.appendingPathComponent("report.png"))
        }
    }

    @Test func scriptFailsOnAPageThatThrows() async throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("broken.html"), png = dir.appendingPathComponent("broken.png")
        try "<!DOCTYPE html><html><body><p>x</p><script>missingFunction();</script></body></html>"
            .write(to: html, atomically: true, encoding: .utf8)
        let run = try await Self.screenshot(html, png)
        #expect(run.status == 1)
        #expect(run.output.contains("Uncaught ReferenceError: missingFunction is not defined"))
    }
}
