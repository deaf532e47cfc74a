import ArgumentParser
import Foundation
import MarketData
import Persistence
import Testing
import TradingModel
@testable import TradingApp

@Suite struct BacktestCommandTests {
    @Test func theDefaultRunPrintsASummaryWritesBothReportsAndStoresTheRun() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let json = dir.path("out/report.json"), html = dir.path("out/report.html")
        let lines = try await DataTestDirectory.parse(["backtest", "--bars", "3000", "--db", db, "--json", json, "--html", html],
                                                      as: BacktestCommand.self).perform()
        let text = lines.joined(separator: "\n")
        #expect(text.hasPrefix("sma_cross fast=10 slow=30 on SYNTH/USDT 1h"))
        #expect(text.contains("Total return"))
        #expect(text.contains("Reports: \(json), \(html)"))

        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let metrics = try #require(report["metrics"] as? [String: Any])
        for key in ["total_return", "cagr", "sharpe", "sortino", "calmar", "max_drawdown", "win_rate", "profit_factor",
                    "exposure", "trades", "fees_paid", "buy_and_hold_return"] {
            #expect(metrics.keys.contains(key), "metrics.\(key)")
        }
        let trades = try #require(report["trades"] as? [[String: Any]])
        #expect(!trades.isEmpty)
        for key in ["side", "entry_time", "exit_time", "entry_price", "exit_price", "quantity", "pnl", "fee",
                    "entry_order_id", "exit_order_id"] {
            #expect(trades[0].keys.contains(key), "trades[].\(key)")
        }
        #expect(report.keys.contains("open_position"))
        let configuration = try #require(report["configuration"] as? [String: Any])
        #expect(configuration["strategy"] as? String == "sma_cross")
        let data = try #require((configuration["data"] as? [[String: Any]])?.first)
        #expect(data["seed"] as? Int == 42)
        #expect(data["bars"] as? Int == 3000)

        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))

        let runs = try await SQLStore.withStore(path: db) { try await RunStore(store: $0).list() }
        #expect(runs.count == 1)
        #expect(runs.first?.strategy == "sma_cross")
    }

    @Test func theSameConfigurationReproducesTheSameTrades() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        func run(_ name: String) async throws -> [[String: String]] {
            let path = dir.path(name)
            _ = try await DataTestDirectory.parse(["backtest", "--bars", "2000", "--seed", "9", "--strategy", "ema_cross",
                                                   "--slippage-bps", "3", "--no-store", "--json", path, "--html", dir.path("x.html")],
                                                  as: BacktestCommand.self).perform()
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
            let trades = report?["trades"] as? [[String: Any]] ?? []
            return trades.map { t in ["entry": "\(t["entry_price"]!)", "exit": "\(t["exit_price"]!)", "pnl": "\(t["pnl"]!)"] }
        }
        let first = try await run("a.json")
        #expect(!first.isEmpty)
        #expect(try await run("b.json") == first)
    }

    @Test func portfoliosRunSeveralFilesWithSharedCash() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        var a = try SyntheticBarGenerator(seed: 1, timeframe: .oneHour)
        var b = try SyntheticBarGenerator(seed: 2, timeframe: .oneHour, startPrice: 2_000)
        try CSVBarWriter().write(a.generate(count: 1500), toFile: dir.path("btc_usdt.csv"))
        try CSVBarWriter().write(b.generate(count: 1500), toFile: dir.path("eth_usdt.csv"))
        let json = dir.path("p.json")
        let lines = try await DataTestDirectory.parse([
            "backtest", "--data", dir.path("btc_usdt.csv"), "--data", dir.path("eth_usdt.csv"), "--sizing", "fraction:0.5",
            "--no-store", "--json", json, "--html", dir.path("p.html"),
        ], as: BacktestCommand.self).perform()
        #expect(lines[0].contains("BTC/USDT, ETH/USDT"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let symbols = try #require(report["symbols"] as? [String: Any])
        #expect(Set(symbols.keys) == ["BTC/USDT", "ETH/USDT"])
        let trades = try #require(report["trades"] as? [[String: Any]])
        #expect(Set(trades.compactMap { $0["symbol"] as? String }) == ["BTC/USDT", "ETH/USDT"])
    }

    @Test(arguments: [
        (["--strategy", "nope"], "unknown strategy 'nope'; available: sma_cross"),
        (["--param", "fast=x"], "parameter fast: got 'x', expected an integer in 2...200"),
        (["--param", "speed=3"], "strategy sma_cross has no parameter 'speed'; its parameters are: fast, slow"),
        (["--param", "fast=40"], "sma_cross: fast (40) must be below slow (30)"),
        (["--sizing", "half"], "--sizing must be all-in, fraction:X (0<X<=1), fixed:Q (Q>0)"),
        (["--fee", "2"], "--fee must be a rate in [0, 1)"),
        (["--fill", "mid"], "--fill must be next-open or close, got 'mid'"),
        (["--data", "/nonexistent/file.csv"], "/nonexistent/file.csv"),
    ])
    func badInputIsRefusedWithAMessageNamingIt(_ arguments: [String], _ expected: String) async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        do {
            _ = try await DataTestDirectory.parse(["backtest", "--bars", "200", "--no-store", "--no-reports"] + arguments,
                                                  as: BacktestCommand.self).perform()
            Issue.record("expected an error for \(arguments)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}

@Suite struct ResearchCommandTests {
    @Test func strategiesListsEveryBuiltInWithItsParameters() {
        let text = StrategiesCommand.text()
        for name in ["sma_cross", "ema_cross", "rsi_reversion", "macd_cross", "bollinger_reversion",
                     "donchian_breakout", "supertrend_trend", "grid", "dca"] {
            #expect(text.contains("\n\(name)") || text.hasPrefix(name), "\(name)")
        }
        #expect(text.contains("fast=10"))
        #expect(text.contains("an integer in 2...200"))
    }

    @Test func indicatorsPrintTheTimeAndOneColumnPerOutput() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        var generator = try SyntheticBarGenerator(seed: 3, timeframe: .oneHour)
        let bars = generator.generate(count: 60)
        try CSVBarWriter().write(bars, toFile: dir.path("bars.csv"))
        let command = try DataTestDirectory.parse(["data", "indicators", "--data", dir.path("bars.csv"),
                                                   "--indicator", "sma:20", "--indicator", "macd:12,26,9",
                                                   "--indicator", "bbands:20,2"], as: DataIndicators.self)
        let lines = try command.render().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "time,sma_20,macd_12_26_9,macd_signal_12_26_9,macd_hist_12_26_9,bbands_upper_20_2,bbands_middle_20_2,bbands_lower_20_2")
        // Row 19 (the 20th bar) is the first with an SMA(20); earlier rows leave it empty.
        #expect(lines[19].split(separator: ",", omittingEmptySubsequences: false)[1] == "")
        let sma = Double(lines[20].split(separator: ",", omittingEmptySubsequences: false)[1])!
        let expected = bars[0..<20].map(\.close).reduce(0, +) / 20
        #expect(abs(sma - expected) <= 1e-9 * expected)
        #expect(lines[20].hasPrefix(UTCTimestamp.iso8601(bars[19].time)))
    }

    @Test func aBadIndicatorSpecNamesTheSpec() throws {
        let command = try DataTestDirectory.parse(["data", "indicators", "--data", "x.csv", "--indicator", "foo:3"],
                                                  as: DataIndicators.self)
        #expect(throws: (any Error).self) { try command.render() }
        do { _ = try command.render() } catch { #expect("\(error)".contains("unknown indicator 'foo'")) }
    }

    @Test func sweepRanksEveryValidCombination() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let json = dir.path("rows.json")
        let lines = try await DataTestDirectory.parse([
            "sweep", "--bars", "2000", "--grid", "fast=5..15:5", "--grid", "slow=20,30", "--no-store", "--json", json,
        ], as: SweepCommand.self).perform()
        #expect(lines[0].contains("6 of 6 combinations"))
        #expect(lines[0].contains("vectorized engine"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let rows = (report?["result"] as? [String: Any])?["rows"] as? [[String: Any]]
        #expect(rows?.count == 6)
        let sharpes = rows?.compactMap { ($0["metrics"] as? [String: Any])?["sharpe"] as? Double } ?? []
        #expect(sharpes == sharpes.sorted(by: >))
    }
}
