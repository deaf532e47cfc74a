import ArgumentParser
import Foundation
import Persistence
import Testing
import TradingCore
import TradingModel
@testable import TradingApp

@Suite struct RiskCommandTests {
    static let t0: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z

    /// An engine that went through a 20% drawdown (HALTED) on one instrument.
    static func haltedEngine(_ store: RiskStateStore) throws -> RiskEngine {
        var engine = try store.engine(limits: RiskLimits(), allowShort: false)
        var portfolio = Portfolio(instruments: [Instrument(symbol: "AAA/USDT")], cash: Fixed(10_000))
        portfolio.mark(0, price: 100)
        portfolio.apply(Fill(tradeId: "t", clientOrderId: "c", venueOrderId: "v", symbol: "AAA/USDT", side: .buy,
                             price: Fixed(100), quantity: Fixed(50), fee: .zero, liquidity: .taker, time: t0), instrument: 0)
        var actions: [RiskAction] = []
        for (price, time) in [(100.0, t0), (60.0, t0 + 3_600_000)] {
            portfolio.mark(0, price: price)
            engine.evaluate(RiskBarContext(portfolio: portfolio, instrument: 0, time: time, workingOrders: [[]]), actions: &actions)
        }
        return engine
    }

    @Test func restartAfterAnEmergencyShutdownStaysHaltedUntilResumed() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let store = RiskStateStore(databasePath: db)
        let halted = try Self.haltedEngine(store)
        #expect(halted.state == .halted)
        try store.record(halted.events)

        // "Restart": a new engine from the stored state refuses a new order.
        var restarted = try store.engine(limits: RiskLimits(), allowShort: false)
        #expect(restarted.state == .halted)
        var request = OrderRequest(clientOrderId: "o", symbol: "AAA/USDT", side: .buy, quantity: Fixed(1))
        var portfolio = Portfolio(instruments: [Instrument(symbol: "AAA/USDT")], cash: Fixed(10_000))
        portfolio.mark(0, price: 100)
        let rejection = restarted.check(&request, context: RiskCheckContext(portfolio: portfolio, instrument: 0, time: Self.t0,
                                                                            workingOrders: [[]]))
        #expect(rejection?.code == "halted")

        let resumed = try DataTestDirectory.parse(["risk", "resume", "--reason", "loss reviewed", "--by", "alice", "--db", db],
                                                  as: RiskResume.self).perform(now: Self.t0 + 86_400_000)
        #expect(resumed.text == "Trading state: HALTED -> ACTIVE by alice: loss reviewed\n")
        #expect(try store.engine(limits: RiskLimits(), allowShort: false).state == .active)
        let record = try store.load()
        #expect(record.history.map(\.code) == ["max_drawdown", "operator_resume"])
        #expect(record.history.map(\.by) == ["risk-engine", "alice"])
        #expect(record.history.last?.time == Self.t0 + 86_400_000)
    }

    @Test func statusShowsTheStateAndItsLastChange() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let fresh = try DataTestDirectory.parse(["risk", "status", "--db", db], as: RiskStatus.self).perform()
        #expect(fresh.text == "Trading state: ACTIVE\n  0 recorded change(s) in \(dir.path("risk-state.json"))\n")
        _ = try DataTestDirectory.parse(["risk", "halt", "--reason", "exchange outage", "--by", "bob", "--db", db],
                                        as: RiskHalt.self).perform(now: Self.t0)
        let status = try DataTestDirectory.parse(["risk", "status", "--db", db], as: RiskStatus.self).perform()
        #expect(status.text == """
            Trading state: HALTED
              since 2024-01-01T00:00:00Z by bob (operator_halt): exchange outage
              1 recorded change(s) in \(dir.path("risk-state.json"))

            """)
    }

    @Test func resumingWhileActiveChangesNothing() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let output = try DataTestDirectory.parse(["risk", "resume", "--reason", "x", "--db", db], as: RiskResume.self).perform()
        #expect(output.text == "Trading is already ACTIVE; nothing changed.\n")
        #expect(try RiskStateStore(databasePath: db).load().history.isEmpty)
    }

    @Test func resumeNeedsAReason() {
        #expect(throws: (any Error).self) {
            _ = try DataTestDirectory.parse(["risk", "resume", "--reason", "  "], as: RiskResume.self)
        }
    }

    @Test func unreadableStateFileNamesThePath() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let path = try dir.write("risk-state.json", "{not json")
        #expect(throws: RiskStateStoreError.self) { _ = try RiskStateStore(path: path).load() }
        do { _ = try RiskStateStore(path: path).load() } catch {
            #expect(error.description.hasPrefix("risk state file \(path): cannot be read"))
        }
    }

    @Test func reportOnAStoredRunUsesItsEquityCurve() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let db = dir.path("graphwiz.sqlite")
        let equity = [100.0, 110, 99, 99, 103.95, 98.7525, 108.62775, 108.62775, 104.2826, 109.49673, 108.40176]
        let report = #"{"equity":["# + equity.map { #"{"time":"x","value":\#($0)}"# }.joined(separator: ",") + "]}"
        try await SQLStore.withStore(path: db) { store in
            try await RunStore(store: store).save(StoredRun(
                id: "bt-1", createdAt: Self.t0, kind: .backtest, strategy: "s", symbols: ["AAA/USDT"], timeframe: .oneHour,
                metricsJSON: "{}", configJSON: "{}", reportJSON: report))
        }
        let output = try await DataTestDirectory.parse(["risk", "report", "--run", "bt-1", "--db", db], as: RiskReport.self).perform()
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[0] == "VaR / CVaR of one-period returns: 10 returns, equity of run bt-1")
        #expect(lines[1] == "METHOD       CONF  VAR       CVAR")
        #expect(lines[2] == "historical   95%   10.0000%  10.0000%")
        #expect(lines[3] == "historical   99%   10.0000%  10.0000%")
        #expect(lines[4].hasPrefix("parametric   95%"))
        #expect(lines[6].hasPrefix("monte_carlo  95%"))
    }

    @Test func reportOnGeneratedDataIsReproducible() async throws {
        let first = try await DataTestDirectory.parse(["risk", "report", "--bars", "500", "--seed", "3"], as: RiskReport.self).perform()
        let second = try await DataTestDirectory.parse(["risk", "report", "--bars", "500", "--seed", "3"], as: RiskReport.self).perform()
        #expect(first == second)
        #expect(first.text.hasPrefix("VaR / CVaR of one-period returns: 499 returns, closes of 500 generated 1h bars (seed 3)\n"))
        #expect(first.exitCode == 0)
    }

    @Test func backtestRiskOptionsBuildValidatedLimits() throws {
        let none = try BacktestRiskOptions.parse([]).limits()
        #expect(none == nil)
        let limits = try #require(try BacktestRiskOptions.parse(["--max-drawdown", "0.2", "--daily-loss", "0.03",
                                                                 "--max-position", "0.5", "--no-flatten-on-halt"]).limits())
        var expected = RiskLimits()
        expected.maxDrawdown = 0.2
        expected.dailyLossLimit = 0.03
        expected.maxPositionFraction = 0.5
        expected.flattenOnHalt = false
        #expect(limits == expected)
        #expect(try BacktestRiskOptions.parse(["--risk"]).limits() == RiskLimits())
        var options = try BacktestRiskOptions.parse([])
        options.maxDrawdown = 1.5
        do {
            _ = try options.limits()
            Issue.record("accepted 1.5")
        } catch let error as ValidationError {
            #expect(error.message == "--max-drawdown: risk.max_drawdown must be greater than 0 and at most 1, got 1.5")
        }
        #expect(throws: (any Error).self) { _ = try BacktestRiskOptions.parse(["--max-drawdown", "1.5"]) }
    }
}
