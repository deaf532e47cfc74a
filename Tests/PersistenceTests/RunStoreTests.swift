import Foundation
import Testing
import TradingModel
@testable import Persistence

@Suite struct RunStoreTests {
    static func run(_ id: String, createdAt: Int64, kind: RunKind = .backtest) -> StoredRun {
        StoredRun(id: id, createdAt: createdAt, kind: kind, strategy: "sma_cross", symbols: ["BTC/USDT", "ETH/USDT"],
                  timeframe: .oneHour, metricsJSON: #"{"sharpe":1.25,"trades":42}"#,
                  configJSON: #"{"fast":10,"slow":30}"#, reportJSON: #"{"equity":[1,2,3]}"#)
    }

    @Test func savesAndReadsBackARun() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = Self.run("bt-20241124-223512-a1b2c3", createdAt: 1_732_487_712_000)
        let back = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            try await RunStore(store: store).save(run)
            return try await RunStore(store: store).get(id: run.id)
        }
        #expect(back == run)
    }

    @Test func missingRunIsNil() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let back = try await SQLStore.withStore(path: dir.path("db.sqlite")) { try await RunStore(store: $0).get(id: "nope") }
        #expect(back == nil)
    }

    @Test func listsNewestFirstUpToTheLimit() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let runs = [Self.run("a", createdAt: 10), Self.run("b", createdAt: 30, kind: .sweep), Self.run("c", createdAt: 20),
                    Self.run("d", createdAt: 30)]
        let (all, two) = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let runStore = RunStore(store: store)
            for run in runs { try await runStore.save(run) }
            return (try await runStore.list(), try await runStore.list(limit: 2))
        }
        #expect(all.map(\.id) == ["d", "b", "c", "a"])
        #expect(two == [runs[3].summary, runs[1].summary])
    }

    @Test func savingTheSameIdReplacesTheRun() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var run = Self.run("x", createdAt: 1)
        let (count, back) = try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            let runStore = RunStore(store: store)
            try await runStore.save(run)
            run.metricsJSON = #"{"sharpe":2}"#
            try await runStore.save(run)
            return (try await runStore.list().count, try await runStore.get(id: "x"))
        }
        #expect(count == 1)
        #expect(back?.metricsJSON == #"{"sharpe":2}"#)
    }

    @Test func rejectsMalformedJson() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var run = Self.run("bad", createdAt: 1)
        run.configJSON = "{fast: 10"
        try await SQLStore.withStore(path: dir.path("db.sqlite")) { store in
            await #expect(throws: PersistenceError.invalidValue(field: "run bad configJSON", value: "'{fast: 10'",
                                                                expected: "valid JSON")) {
                try await RunStore(store: store).save(run)
            }
        }
    }

    @Test func makesIdsFromKindAndUtcTime() {
        #expect(StoredRun.makeID(kind: .backtest, createdAt: 1_732_487_712_000, suffix: "a1b2c3") == "bt-20241124-223512-a1b2c3")
        #expect(StoredRun.makeID(kind: .sweep, createdAt: 1_704_067_200_000, suffix: "000000") == "sw-20240101-000000-000000")
        let random = StoredRun.makeID(kind: .backtest, createdAt: 0)
        #expect(random.hasPrefix("bt-19700101-000000-"))
        #expect(random.count == 25)
        #expect(random.suffix(6).allSatisfy { $0.isHexDigit })
    }
}
