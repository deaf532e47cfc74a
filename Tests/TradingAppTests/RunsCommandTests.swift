import ArgumentParser
import Foundation
import Persistence
import Testing
import TradingModel
@testable import TradingApp

@Suite struct RunsCommandTests {
    static let run = StoredRun(
        id: "bt-20241124-223512-a1b2c3", createdAt: 1_732_487_712_000, kind: .backtest, strategy: "sma_cross",
        symbols: ["BTC/USDT"], timeframe: .oneHour,
        metricsJSON: #"{"sharpe":1.25,"trades":42,"profitable":true,"note":"ok"}"#,
        configJSON: #"{"fast":10,"slow":30,"fees":{"maker":0.001}}"#,
        reportJSON: #"{"equity":[1,2,3]}"#)

    static func seeded(_ dir: DataTestDirectory) async throws -> String {
        let db = dir.path("graphwiz.sqlite")
        try await SQLStore.withStore(path: db) { store in
            try await RunStore(store: store).save(run)
            var older = run
            older.id = "sw-20241123-000000-000000"
            older.createdAt -= 86_400_000
            older.kind = .sweep
            try await RunStore(store: store).save(older)
        }
        return db
    }

    @Test func listShowsNewestRunsFirst() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["runs", "list", "--db", db], as: RunsList.self).perform()
        #expect(output.text == """
            ID                         CREATED               KIND      STRATEGY   SYMBOLS   TF  METRICS
            bt-20241124-223512-a1b2c3  2024-11-24T22:35:12Z  backtest  sma_cross  BTC/USDT  1h  note=ok profitable=true sharpe=1.25 trades=42
            sw-20241123-000000-000000  2024-11-23T22:35:12Z  sweep     sma_cross  BTC/USDT  1h  note=ok profitable=true sharpe=1.25 trades=42

            """)
    }

    @Test func showPrintsMetricsAndConfig() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["runs", "show", Self.run.id, "--db", db], as: RunsShow.self).perform()
        #expect(output.text == """
            Run bt-20241124-223512-a1b2c3
              created:   2024-11-24T22:35:12Z
              kind:      backtest
              strategy:  sma_cross
              symbols:   BTC/USDT
              timeframe: 1h
            Metrics:
              note: ok
              profitable: true
              sharpe: 1.25
              trades: 42
            Config:
              {
                "fast" : 10,
                "fees" : {
                  "maker" : 0.001
                },
                "slow" : 30
              }

            """)
    }

    @Test func showJsonPrintsTheStoredReport() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["runs", "show", Self.run.id, "--json", "--db", db],
                                                       as: RunsShow.self).perform()
        #expect(output.text == #"{"equity":[1,2,3]}"# + "\n")
    }

    @Test func unknownRunExitsWithOne() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seeded(dir)
        let output = try await DataTestDirectory.parse(["runs", "show", "nope", "--db", db], as: RunsShow.self).perform()
        #expect(output == DataCommandOutput(["Run nope not found in \(db); see graphwiz runs list."], exitCode: 1))
    }

    @Test func listWithoutDatabaseSaysSo() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("none.sqlite")
        let output = try await DataTestDirectory.parse(["runs", "list", "--db", db], as: RunsList.self).perform()
        #expect(output.text == "No database at \(db); no runs stored yet.\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
