import Foundation
import MarketData
import SQLKit
import Testing
import TradingModel
@testable import Persistence

@Suite struct BarStoreTests {
    static func generated(_ count: Int, seed: UInt64 = 1, timeframe: Timeframe = .oneMinute) throws -> [Bar] {
        var generator = try SyntheticBarGenerator(seed: seed, timeframe: timeframe)
        return generator.generate(count: count)
    }

    @Test func roundTripsBarsExactly() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bars = try Self.generated(2_500)
        bars[7].close = 3.0000000000000004
        bars[7].high = max(bars[7].high, 3.0000000000000004)
        bars[8].volume = 1e-300
        let (result, back) = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let bars0 = BarStore(store: store)
            let result = try await bars0.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "synthetic")
            return (result, try await bars0.bars(symbol: "BTC/USDT", timeframe: .oneMinute))
        }
        #expect(result == InsertResult(inserted: 2_500, updated: 0))
        #expect(back == bars)
    }

    @Test func filtersByInclusiveTimeRange() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bars = try Self.generated(100)
        let slice = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store)
            _ = try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "synthetic")
            return try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute, from: bars[10].time, to: bars[19].time)
        }
        #expect(slice == Array(bars[10...19]))
    }

    @Test func reimportingIsIdempotent() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bars = try Self.generated(1_200)
        let (first, second, count) = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store, chunkSize: 500)
            let first = try await barStore.insert(bars, symbol: "ETH/USDT", timeframe: .oneMinute, source: "csv")
            let second = try await barStore.insert(bars, symbol: "ETH/USDT", timeframe: .oneMinute, source: "csv")
            return (first, second, try await barStore.series().first?.count)
        }
        #expect(first == InsertResult(inserted: 1_200, updated: 0))
        #expect(second == InsertResult(inserted: 0, updated: 1_200))
        #expect(count == 1_200)
    }

    @Test func upsertReplacesOverlappingBarsAndAddsNewOnes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bars = try Self.generated(10)
        var revised = Array(bars[5...])
        revised[0].close = revised[0].low
        let extra = Bar(time: bars[9].time + 60_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3)
        let (result, back) = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store)
            _ = try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "csv")
            let result = try await barStore.insert(revised + [extra], symbol: "BTC/USDT", timeframe: .oneMinute, source: "csv")
            return (result, try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute))
        }
        #expect(result == InsertResult(inserted: 1, updated: 5))
        #expect(back == Array(bars[..<5]) + revised + [extra])
    }

    @Test func duplicateTimesInOneBatchKeepTheLastBar() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let a = Bar(time: 60_000, open: 1, high: 1, low: 1, close: 1, volume: 1)
        let b = Bar(time: 0, open: 2, high: 2, low: 2, close: 2, volume: 2)
        let c = Bar(time: 60_000, open: 3, high: 3, low: 3, close: 3, volume: 3)
        let (result, back) = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store)
            let result = try await barStore.insert([a, b, c], symbol: "X", timeframe: .oneMinute, source: "t")
            return (result, try await barStore.bars(symbol: "X", timeframe: .oneMinute))
        }
        #expect(result == InsertResult(inserted: 2, updated: 0))
        #expect(back == [b, c])
    }

    @Test func aFailureMidImportLeavesTheStoreAsItWas() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = try Self.generated(300, seed: 1)
        let changed = try Self.generated(3_000, seed: 2)  // same times for the first 300, new values
        let poisoned = changed[2_500].time
        let path = dir.path("db.sqlite")
        try await SQLStore.withStore(path: path) { store in
            let barStore = BarStore(store: store, chunkSize: 400)
            _ = try await barStore.insert(original, symbol: "BTC/USDT", timeframe: .oneMinute, source: "first")
            // A trigger makes the 7th chunk fail after six chunks (including all updates) went through.
            try await store.withDatabase { db in
                try await db.raw("""
                    CREATE TRIGGER poison BEFORE INSERT ON bars WHEN NEW.time = \(unsafeRaw: String(poisoned))
                    BEGIN SELECT RAISE(ABORT, 'poisoned bar'); END
                    """).run()
            }
            await #expect {
                try await barStore.insert(changed, symbol: "BTC/USDT", timeframe: .oneMinute, source: "second")
            } throws: { error in
                guard case let PersistenceError.queryFailed(p, _, reason) = error else { return false }
                return p == path && reason.contains("poisoned bar")
            }
        }
        let (back, series) = try await SQLStore.withStore(path: path) { store in
            let barStore = BarStore(store: store)
            return (try await barStore.bars(symbol: "BTC/USDT", timeframe: .oneMinute), try await barStore.series())
        }
        #expect(back == original)
        #expect(series.map(\.source) == ["first"])
    }

    @Test func rejectsNonFiniteValuesBeforeWriting() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bars = try Self.generated(5)
        bars[3].high = .nan
        let count = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store)
            await #expect(throws: PersistenceError.invalidValue(
                field: "bars[3].high", value: "nan", expected: "a finite number (validate the data before storing)")) {
                try await barStore.insert(bars, symbol: "BTC/USDT", timeframe: .oneMinute, source: "csv")
            }
            await #expect(throws: PersistenceError.self) {
                try await barStore.insert(bars, symbol: "", timeframe: .oneMinute, source: "csv")
            }
            return try await barStore.series().count
        }
        #expect(count == 0)
    }

    @Test func listsSeriesWithCountsRangesAndSources() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let minutes = try Self.generated(120)
        let hours = try Self.generated(48, seed: 3, timeframe: .oneHour)
        let series = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let barStore = BarStore(store: store)
            _ = try await barStore.insert(hours, symbol: "BTC/USDT", timeframe: .oneHour, source: "synthetic")
            _ = try await barStore.insert(minutes, symbol: "BTC/USDT", timeframe: .oneMinute, source: "binance.csv")
            _ = try await barStore.insert(Array(minutes[..<10]), symbol: "BTC/USDT", timeframe: .oneMinute, source: "ccxt")
            _ = try await barStore.insert(Array(hours[..<3]), symbol: "ADA/USDT", timeframe: .oneHour, source: "synthetic")
            return try await barStore.series()
        }
        #expect(series == [
            SeriesSummary(symbol: "ADA/USDT", timeframe: .oneHour, count: 3, first: hours[0].time, last: hours[2].time,
                          source: "synthetic"),
            SeriesSummary(symbol: "BTC/USDT", timeframe: .oneMinute, count: 120, first: minutes[0].time,
                          last: minutes[119].time, source: "binance.csv, ccxt"),
            SeriesSummary(symbol: "BTC/USDT", timeframe: .oneHour, count: 48, first: hours[0].time, last: hours[47].time,
                          source: "synthetic"),
        ])
    }

    @Test func unknownSeriesHasNoBars() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bars = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            try await BarStore(store: store).bars(symbol: "NOPE", timeframe: .oneDay)
        }
        #expect(bars.isEmpty)
    }
}
