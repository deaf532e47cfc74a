import Foundation
import Testing
import TradingModel
@testable import MarketData

/// Throughput measurements, printed rather than asserted (speed is judged by benchmarks, never by timed unit
/// tests). Enabled with `GRAPHWIZ_PERF=1`, meant for release builds:
/// `GRAPHWIZ_PERF=1 swift test -c release --filter MarketDataThroughputTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GRAPHWIZ_PERF"] != nil))
struct MarketDataThroughputTests {
    @Test func csvParsingOfOneMillionNumericTimeRows() throws {
        var generator = try SyntheticBarGenerator(seed: 1)
        let bars = generator.generate(count: 1_000_000)
        var text = "time,open,high,low,close,volume\n"
        text.reserveCapacity(bars.count * 60)
        for bar in bars {
            text += "\(bar.time),\(CSVBarWriter.format(bar.open)),\(CSVBarWriter.format(bar.high)),"
                + "\(CSVBarWriter.format(bar.low)),\(CSVBarWriter.format(bar.close)),\(CSVBarWriter.format(bar.volume))\n"
        }
        let clock = ContinuousClock()
        var result: CSVReadResult?
        let elapsed = try clock.measure { result = try CSVBarReader().read(string: text) }
        #expect(result?.bars == bars)
        print("CSVBarReader: 1,000,000 rows in \(elapsed) = \(Int(1e6 / Self.seconds(elapsed))) rows/s")
    }

    @Test func generatingOneMillionMinuteBars() throws {
        var generator = try SyntheticBarGenerator(seed: 1)
        var bars: [Bar] = []
        let elapsed = ContinuousClock().measure { bars = generator.generate(count: 1_000_000) }
        #expect(bars.count == 1_000_000)
        print("SyntheticBarGenerator: 1,000,000 bars in \(elapsed) = \(Int(1e6 / Self.seconds(elapsed))) bars/s")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
