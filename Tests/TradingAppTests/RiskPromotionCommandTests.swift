import ArgumentParser
import Foundation
import Persistence
import Testing
import TradingCore
import TradingModel
@testable import TradingApp

/// The promotion gate from stored paper and live runs, through `graphwiz risk promotion`.
@Suite struct RiskPromotionCommandTests {
    static let day: Int64 = 86_400_000
    static let t0: Int64 = 1_704_067_200_000

    /// Stores one session of `strategy` created at `created`, covering `days` days.
    static func session(_ db: String, kind: RunKind, strategy: String = "sma_cross", created: Int64, days: Int64 = 4,
                        trades: Int = 120, drawdown: Double = 0.05, sharpe: Double = 2.0) async throws {
        let metrics = #"{"start_time":\#(created - days * day),"end_time":\#(created),"bars":\#(days * 24),"trades":\#(trades),"max_drawdown":\#(drawdown),"sharpe":\#(sharpe)}"#
        let run = StoredRun(id: "\(kind.idPrefix)-\(created)-\(strategy)", createdAt: created, kind: kind, strategy: strategy,
                            symbols: ["BTC/USDT"], timeframe: .oneHour, metricsJSON: metrics, configJSON: "{}", reportJSON: "{}")
        try await SQLStore.withStore(path: db) { try await RunStore(store: $0).save(run) }
    }

    private func evaluate(_ db: String, now: Int64, strategy: String = "sma_cross") async throws -> String {
        let command = try DataTestDirectory.parse(["risk", "promotion", "evaluate", "--strategy", strategy, "--db", db],
                                                  as: RiskPromotionEvaluate.self)
        return try await command.perform(now: now).text
    }

    @Test func paperRecordPromotesToTheFirstStepAndLiveRecordsClimbTheLadder() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let store = PromotionStore(databasePath: db)
        #expect(try store.allowedCapital(strategy: "sma_cross", criteria: PromotionCriteria())
            == .refused(reason: "sma_cross is on paper (step 0): no paper record has met the promotion criteria yet; run `graphwiz risk promotion evaluate --strategy sma_cross`"))

        try await Self.session(db, kind: .paper, created: Self.t0)
        try await Self.session(db, kind: .backtest, created: Self.t0, drawdown: 0.5)  // backtests never count
        let first = try await evaluate(db, now: Self.t0)
        #expect(first == """
            sma_cross: 1 session(s), 4.0 days, 120 trades, max drawdown 5.0%, Sharpe 2.0
              passed: promoted from step 0 to 1
            sma_cross: live step 1 of 4, 10.0% of capital allowed
              last change 2024-01-01T00:00:00Z: step 0 -> 1: record met every criterion: 4.0 days, 120 trades, max drawdown 5.0%, Sharpe 2.0

            """)
        #expect(try store.allowedCapital(strategy: "sma_cross", criteria: PromotionCriteria()) == .allowed(fraction: 0.10))

        // Step 1 needs its own live record: the paper session from before the step does not count.
        let none = try await evaluate(db, now: Self.t0 + 1_000)
        #expect(none.hasPrefix("sma_cross: no live runs since 2024-01-01T00:00:00Z; nothing to evaluate (step 1 kept)\n"))

        try await Self.session(db, kind: .live, created: Self.t0 + 5 * Self.day)
        _ = try await evaluate(db, now: Self.t0 + 5 * Self.day + 1_000)
        #expect(try store.allowedCapital(strategy: "sma_cross", criteria: PromotionCriteria()) == .allowed(fraction: 0.25))
        #expect(try store.state(of: "sma_cross").step == 2)
    }

    @Test func aBreachOnALiveStepDemotesBackToPaper() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        try await Self.session(db, kind: .paper, created: Self.t0)
        _ = try await evaluate(db, now: Self.t0)
        try await Self.session(db, kind: .live, created: Self.t0 + Self.day, days: 1, trades: 10, drawdown: 0.15)
        let text = try await evaluate(db, now: Self.t0 + Self.day + 1_000)
        #expect(text.contains("  breach: max drawdown 15.0% exceeds 10.0% (risk.promotion.max_drawdown)\n"))
        #expect(text.contains("  demoted from step 1 to paper\n"))
        let store = PromotionStore(databasePath: db)
        #expect(try store.state(of: "sma_cross").step == 0)
        guard case .refused = try store.allowedCapital(strategy: "sma_cross", criteria: PromotionCriteria()) else {
            Issue.record("a demoted strategy must be refused live capital")
            return
        }
    }

    @Test func statusListsEveryEvaluatedStrategy() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let empty = try DataTestDirectory.parse(["risk", "promotion", "status", "--db", db], as: RiskPromotionStatus.self)
        #expect(try empty.perform().text.hasPrefix("No strategy has been evaluated yet"))
        try await Self.session(db, kind: .paper, created: Self.t0, trades: 20)
        _ = try await evaluate(db, now: Self.t0)
        let status = try DataTestDirectory.parse(["risk", "promotion", "status", "--db", db, "--strategy", "sma_cross"],
                                                 as: RiskPromotionStatus.self)
        #expect(try status.perform().text == "sma_cross: paper only — sma_cross is on paper (step 0): no paper record has met the promotion criteria yet; run `graphwiz risk promotion evaluate --strategy sma_cross`\n")
    }

    @Test func backtestExitOptionsProtectEveryPositionAndPrintTheExits() async throws {
        let command = try DataTestDirectory.parse(
            ["backtest", "--bars", "2000", "--seed", "42", "--stop-loss", "2%", "--take-profit", "3%", "--trailing-stop", "2.5%",
             "--time-stop", "48", "--break-even", "1%", "--no-reports", "--no-store"], as: BacktestCommand.self)
        let lines = try await command.perform()
        let exits = try #require(lines.first { $0.hasPrefix("  Protective exits: ") })
        let reasons = Set(ExitReason.allCases.map(\.rawValue))
        for part in exits.dropFirst("  Protective exits: ".count).split(separator: ", ") {
            let fields = part.split(separator: " ")
            #expect(fields.count == 2)
            #expect((Int(fields[0]) ?? 0) > 0)
            #expect(reasons.contains(String(fields.last ?? "")))
        }
    }

    @Test func backtestConfigFileSuppliesLimitsAndExits() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("risk.yaml", "risk:\n  max_position_fraction: 1\n  protective_exits:\n    stop_loss: 1%\n")
        let options = try BacktestRiskOptions.parse(["--config", file, "--take-profit", "4%"])
        #expect(try options.limits(environment: [:])?.maxPositionFraction == 1)
        #expect(try options.exits(strategy: "sma_cross", environment: [:]) == ProtectiveExitPolicy(stopLoss: .percent(0.01), takeProfit: .percent(0.04)))
    }

    @Test func badExitOptionsNameTheOption() {
        #expect(throws: (any Error).self) {
            _ = try DataTestDirectory.parse(["backtest", "--stop-loss", "two"], as: BacktestCommand.self)
        }
        var options = try! BacktestRiskOptions.parse([])
        options.timeStop = "0"
        do {
            _ = try options.exits(strategy: "x")
            Issue.record("accepted 0")
        } catch let error as ValidationError {
            #expect(error.message == "--time-stop must be a bar count >= 1 (`48`) or a duration (`48h`, `2d`), got '0'")
        } catch { Issue.record("unexpected \(error)") }
    }
}
