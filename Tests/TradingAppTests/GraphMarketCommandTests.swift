import ArgumentParser
import Foundation
import KnowledgeGraph
import Persistence
import Testing
import TradingModel
@testable import TradingApp

@Suite struct GraphMarketCommandTests {
    /// A store holding 40 hourly bars of BTC (steady climb) and ETH (steady fall) from 2024-01-01.
    static func seededBars(_ dir: DataTestDirectory) async throws -> String {
        let db = dir.path("market.sqlite")
        let start: Int64 = 1_704_067_200_000
        func bars(_ step: [Double]) -> [Bar] {
            var close = 100.0
            return (0..<40).map { index in
                if index > 0 { close *= 1 + step[index % step.count] }
                return Bar(time: start + Int64(index) * 3_600_000, open: close, high: close, low: close, close: close,
                           volume: 1)
            }
        }
        try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) { sql in
            let store = BarStore(store: sql)
            _ = try await store.insert(bars([0.03, -0.005]), symbol: "BTCUSDT", timeframe: .oneHour, source: "test")
            _ = try await store.insert(bars([-0.03, 0.005]), symbol: "ETH/USDT", timeframe: .oneHour, source: "test")
        }
        return db
    }

    @Test func symbolsSplitIntoBaseAndQuote() {
        #expect(StoredMarketSeriesSource.split("BTCUSDT") == ("BTC", "USDT"))
        #expect(StoredMarketSeriesSource.split("ETH/BTC") == ("ETH", "BTC"))
        #expect(StoredMarketSeriesSource.split("SOLFDUSD") == ("SOL", "FDUSD"))
        #expect(StoredMarketSeriesSource.split("BTC") == ("BTC", "USDT"))
    }

    @Test func updateThenRegimesShowsTheTrend() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seededBars(dir)
        let update = try await DataTestDirectory.parse(["graph", "update", "--db", db, "--regime-window", "4"],
                                                       as: GraphUpdate.self).perform()
        #expect(update.exitCode == 0)
        #expect(update.text.hasPrefix("graph update: 2 series, 1 correlations, 2 regime episodes, "))
        let regimes = try await DataTestDirectory.parse(["graph", "regimes", "--symbol", "BTCUSDT", "--db", db],
                                                        as: GraphRegimes.self).perform()
        #expect(regimes.exitCode == 0)
        let lines = regimes.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Market simulated:BTC/USDT: current regime trend_up since 2024-01-01T04:00:00Z")
        #expect(lines.contains { $0.hasPrefix("trend_up") && $0.contains("2024-01-02T15:00:00Z") && $0.hasSuffix("36") })
        let down = try await DataTestDirectory.parse(["graph", "regimes", "--symbol", "ETH/USDT", "--db", db],
                                                     as: GraphRegimes.self).perform()
        #expect(down.text.hasPrefix("Market simulated:ETH/USDT: current regime trend_down since 2024-01-01T04:00:00Z"))
    }

    @Test func importedEventsAreListedWithTheirMarket() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await Self.seededBars(dir)
        _ = try await DataTestDirectory.parse(["graph", "update", "--db", db, "--regime-window", "4"], as: GraphUpdate.self)
            .perform()
        let file = try dir.write("events.csv", """
            id,time,kind,title,target,direction,magnitude
            etf,2024-01-01T10:00:00Z,news,"ETF approved, finally",BTC,up,0.8
            """)
        let imported = try await DataTestDirectory.parse(["graph", "events", "import", file, "--db", db],
                                                         as: GraphEventsImport.self).perform()
        #expect(imported.text == "Imported 1 events with 1 impacts from \(file)\n")
        let regimes = try await DataTestDirectory.parse(["graph", "regimes", "--symbol", "BTC/USDT", "--limit", "100",
                                                         "--db", db], as: GraphRegimes.self).perform()
        let row = regimes.text.split(separator: "\n").map(String.init).filter { $0.contains("ETF approved, finally") }
        #expect(row.count == 1)
        #expect(row.first?.hasPrefix("2024-01-01T10:00:00Z  Event  ") == true)
        #expect(row.first?.contains("  BTC  ") == true)
        #expect(row.first?.hasSuffix("0.8000") == true)
    }

    @Test func aBadEventFileExitsWithOneNamingTheLine() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("bad.csv", "id,time,kind,title,target,direction,magnitude\ne,yesterday,news,x,BTC,up,0.1\n")
        let output = try await DataTestDirectory.parse(["graph", "events", "import", file, "--db", dir.path("g.sqlite")],
                                                       as: GraphEventsImport.self).perform()
        #expect(output.exitCode == 1)
        #expect(output.text == "\(file):2: time is 'yesterday', expected ISO-8601 or Unix time\n")
    }

    @Test func regimesOfAnUnknownSymbolExitWithOne() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let output = try await DataTestDirectory.parse(["graph", "regimes", "--symbol", "XRPUSDT", "--db", dir.path("g.sqlite")],
                                                       as: GraphRegimes.self).perform()
        #expect(output.exitCode == 1)
        #expect(output.text.hasPrefix("No market 'XRPUSDT' in the graph"))
    }

    @Test func retainMustBeLabelEqualsDays() throws {
        #expect(throws: (any Error).self) {
            _ = try DataTestDirectory.parse(["graph", "update", "--retain", "Signal"], as: GraphUpdate.self)
        }
        let command = try DataTestDirectory.parse(["graph", "update", "--retain", "Signal=30", "--retain", "Order=7"],
                                                  as: GraphUpdate.self)
        #expect(try command.retentionByLabel() == ["Signal": 30, "Order": 7])
    }
}

@Suite struct GraphServiceTests {
    @Test func theWriterServiceFlushesWhenItsTaskIsCancelled() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await SQLStore.withStore(path: dir.path("g.sqlite"), migrations: EmbeddedGraphStore.migrations) { sql in
            let store = EmbeddedGraphStore(store: sql)
            let writer = ProvenanceWriter(store: store, runId: "paper",
                                          configuration: .init(batchSize: 100, flushInterval: .seconds(3600)))
            let task = Task { try await ProvenanceWriterService(writer: writer).run() }
            writer.submit(.signal(SignalRecord(id: "s-1", strategy: "sma_cross", symbol: "BTCUSDT", side: .buy,
                                               tag: "entry", time: 1)))
            task.cancel()
            try await task.value
            #expect(writer.statistics.written == 1)
            #expect(try await store.node(GraphNodeRef(label: "Signal", id: "s-1"))?.properties["tag"] == "entry")
        }
    }

    @Test func theUpdaterServiceStopsWhenItsTaskIsCancelled() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = try await GraphMarketCommandTests.seededBars(dir)
        try await SQLStore.withStore(path: db, migrations: EmbeddedGraphStore.migrations) { sql in
            let store = EmbeddedGraphStore(store: sql)
            let updater = GraphUpdater(store: store, source: StoredMarketSeriesSource(store: sql),
                                       configuration: .init(interval: .seconds(3600)))
            let task = Task { try await GraphUpdaterService(updater: updater).run() }
            var waited = 0
            while try await store.stats().nodesByLabel["TimeframeStats"] != 2 && waited < 500 {
                try await Task.sleep(for: .milliseconds(10))
                waited += 1
            }
            task.cancel()
            try await task.value
            #expect(try await store.stats().nodesByLabel["Market"] == 2)
        }
    }
}

@Suite struct GraphLiveBenchTests {
    @Test func liveBenchWritesEveryRecordWithoutDrops() async throws {
        let output = try await DataTestDirectory.parse(["graph", "bench", "--orders", "30", "--queries", "3", "--live"],
                                                       as: GraphBench.self).perform()
        #expect(output.text.contains("live:  30 decisions (120 records, 0 dropped, 0 failed) written in "))
    }
}
