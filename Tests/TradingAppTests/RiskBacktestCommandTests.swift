import ArgumentParser
import Foundation
import Testing
@testable import TradingApp

@Suite struct RiskBacktestCommandTests {
    @Test func backtestWithATightDrawdownLimitReportsTheHalt() async throws {
        let command = try DataTestDirectory.parse(
            ["backtest", "--bars", "3000", "--seed", "42", "--max-drawdown", "0.05", "--max-position", "1",
             "--no-reports", "--no-store"], as: BacktestCommand.self)
        let lines = try await command.perform()
        let risk = try #require(lines.firstIndex { $0.hasPrefix("  Risk: ") })
        #expect(lines[risk].hasPrefix("  Risk: HALTED at the end, "))
        #expect(lines[risk + 1].hasPrefix("    2024-"))
        #expect(lines[risk + 1].contains(" ACTIVE -> HALTED: equity "))
        #expect(lines[risk + 1].hasSuffix("reaching the max drawdown 0.05"))
    }

    @Test func backtestWithoutRiskOptionsPrintsNoRiskLines() async throws {
        let command = try DataTestDirectory.parse(["backtest", "--bars", "500", "--no-reports", "--no-store"], as: BacktestCommand.self)
        #expect(try await command.perform().contains { $0.hasPrefix("  Risk: ") } == false)
    }

    @Test func invalidRiskOptionNamesTheOptionAndTheRange() {
        #expect(throws: (any Error).self) {
            _ = try DataTestDirectory.parse(["backtest", "--daily-loss", "0"], as: BacktestCommand.self)
        }
        var options = try! BacktestRiskOptions.parse([])
        options.dailyLoss = 0
        do {
            _ = try options.limits()
            Issue.record("accepted 0")
        } catch let error as ValidationError {
            #expect(error.message == "--daily-loss: risk.daily_loss_limit must be greater than 0 and at most 1, got 0.0")
        } catch { Issue.record("unexpected \(error)") }
    }
}
