import Foundation
import MarketData
import Testing
import TradingModel
@testable import Persistence

/// Insert and read throughput, printed rather than asserted (speed is judged by benchmarks, never by timed unit
/// tests). Enabled with `GRAPHWIZ_PERF=1`, meant for release builds:
/// `GRAPHWIZ_PERF=1 swift test -c release --filter BarStoreThroughputTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GRAPHWIZ_PERF"] != nil))
struct BarStoreThroughputTests {
    @Test func insertingAndReadingFiveHundredThousandBars() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var generator = try SyntheticBarGenerator(seed: 1)
        let bars = generator.generate(count: 500_000)
        let clock = ContinuousClock()
        try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store)
            var result: InsertResult?
            let insert = try await clock.measure {
                result = try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "perf")
            }
            #expect(result == InsertResult(inserted: 500_000, updated: 0))
            var back: [Bar] = []
            let read = try await clock.measure {
                back = try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute)
            }
            #expect(back == bars)
            print("BarStore: inserted 500,000 bars in \(insert) = \(Int(5e5 / Self.seconds(insert))) bars/s; "
                + "read in \(read) = \(Int(5e5 / Self.seconds(read))) bars/s")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
