import Foundation
import MarketData
import Testing
import TradingModel
@testable import Persistence

/// Insert and read throughput, printed rather than asserted (speed is judged by benchmarks, never by timed unit
/// tests). Enabled with `GRAPHWIZ_PERF=1`, meant for release builds, on SQLite and (with
/// `GRAPHWIZ_POSTGRES_URL`) PostgreSQL: `GRAPHWIZ_PERF=1 swift test -c release --filter BarStoreThroughputTests`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["GRAPHWIZ_PERF"] != nil))
struct BarStoreThroughputTests {
    /// Bars per run (`GRAPHWIZ_PERF_BARS`, default 500,000).
    static let count = ProcessInfo.processInfo.environment["GRAPHWIZ_PERF_BARS"].flatMap { Int($0) } ?? 500_000

    @Test func insertingAndReadingBarsOnSQLite() async throws {
        try await Self.measure(.sqlite)
    }

    /// The same on PostgreSQL when `GRAPHWIZ_POSTGRES_URL` is set (scripts/postgres.sh).
    @Test(.enabled(if: TestDatabase.postgresURL != nil, Comment(rawValue: TestDatabase.skipReason)))
    func insertingAndReadingBarsOnPostgres() async throws {
        try await Self.measure(.postgres)
    }

    static func measure(_ backend: TestDatabase.Backend) async throws {
        let count = Self.count
        var generator = try SyntheticBarGenerator(seed: 1)
        let bars = generator.generate(count: count)
        let clock = ContinuousClock()
        try await StoreContract.withDatabase(backend) { location in
            try await SQLStore.withStore(location) { store in
                let barStore = BarStore(store: store)
                var result: InsertResult?
                let insert = try await clock.measure {
                    result = try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "perf")
                }
                #expect(result == InsertResult(inserted: count, updated: 0))
                var back: [Bar] = []
                let read = try await clock.measure {
                    back = try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute)
                }
                #expect(back == bars)
                print("BarStore (\(backend)): inserted \(count) bars in \(insert) = \(Int(Double(count) / Self.seconds(insert))) bars/s; "
                    + "read in \(read) = \(Int(Double(count) / Self.seconds(read))) bars/s")
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
