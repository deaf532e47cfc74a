import Foundation
import Testing
import TradingCore
@testable import GraphwizConfig

/// The `risk:` section's protective exits, cooldown, pair lock and promotion, and the one function that
/// builds the risk components from it.
@Suite struct RiskSectionTests {
    let loader = ConfigLoader(environment: [:])

    /// Problems without their `c.yaml:N: ` location.
    func messages(_ yaml: String) -> [String] {
        do {
            _ = try loader.load(yaml: yaml, source: "c.yaml")
            return []
        } catch {
            return error.problems.map { String($0.description.split(separator: " ", maxSplits: 1)[1]) }
        }
    }

    static let yaml = """
    risk:
      max_drawdown: 0.2
      protective_exits:
        stop_loss: 2%
        take_profit: 6atr
        time_stop: 48
        break_even: 1%
        overrides:
          - strategy: rsi_reversion
            stop_loss: 61000
            trailing_stop: 3atr
            time_stop: 2d
      cooldown: {count: 2, duration: 90m}
      pair_lock: {enabled: true, lookback: 6h, trade_limit: 2, required_profit: 0.02, duration: 1h}
      promotion: {min_days: 7, min_trades: 50, max_drawdown: 0.08, min_sharpe: 2, ladder: [0.05, 0.5, 1]}

    """

    @Test func everySectionLoads() throws {
        let risk = try loader.load(yaml: Self.yaml, source: "c.yaml").risk
        #expect(risk.maxDrawdown == 0.2)
        #expect(risk.protectiveExits.defaults == ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .atr(6),
                                                                      timeStop: .bars(48), breakEven: .percent(0.01)))
        #expect(risk.cooldown == CooldownConfig(count: 2, durationMs: 90 * 60_000))
        #expect(risk.pairLock == PairLockConfig(enabled: true, lookbackMs: 6 * 3_600_000, tradeLimit: 2,
                                                requiredProfit: 0.02, durationMs: 3_600_000))
        #expect(risk.promotion == PromotionCriteria(minDays: 7, minTrades: 50, maxDrawdown: 0.08, minSharpe: 2, ladder: [0.05, 0.5, 1]))
    }

    @Test func riskComponentsApplyTheStrategyOverride() throws {
        let config = try loader.load(yaml: Self.yaml, source: "c.yaml")
        let rsi = try config.riskComponents(strategy: "rsi_reversion", allowShort: false)
        #expect(rsi.exits == ProtectiveExitPolicy(stopLoss: .price(61_000), takeProfit: .atr(6), trailingStop: .atr(3),
                                                  timeStop: .duration(2 * 86_400_000), breakEven: .percent(0.01)))
        #expect(rsi.engine.limits.maxDrawdown == 0.2)
        #expect(rsi.engine.state == .active)
        #expect(rsi.promotion.minDays == 7)
        let sma = try config.riskComponents(strategy: "sma_cross", allowShort: false, state: .halted)
        #expect(sma.exits?.stopLoss == .percent(0.02))
        #expect(sma.exits?.trailingStop == nil)
        #expect(sma.engine.state == .halted)
    }

    @Test func productionFileConfiguresExitsCooldownPairLockAndPromotion() throws {
        let path = ShippedConfigTests.configDirectory.appendingPathComponent("production.yaml").path
        let risk = try ConfigLoader(environment: ShippedConfigTests.productionEnvironment).load(file: path).risk
        #expect(risk.protectiveExits.policy(for: "sma_cross") == ProtectiveExitPolicy(stopLoss: .percent(0.03), breakEven: .percent(0.015)))
        #expect(risk.protectiveExits.policy(for: "rsi_reversion") == ProtectiveExitPolicy(
            stopLoss: .atr(2), takeProfit: .atr(3), timeStop: .bars(48), breakEven: .percent(0.015)))
        #expect(risk.cooldown == CooldownConfig(count: 3, durationMs: 4 * 3_600_000))
        #expect(risk.pairLock.enabled)
        #expect(risk.promotion == PromotionCriteria())
    }

    @Test func theDefaultsProtectNothing() throws {
        let components = try AppConfiguration().riskComponents(strategy: "sma_cross", allowShort: false)
        #expect(components.exits == nil)
        #expect(components.engine.limits.cooldown == CooldownConfig())
    }

    @Test(arguments: [
        ("risk:\n  protective_exits:\n    stop_loss: abc\n",
         "risk.protective_exits.stop_loss must be a positive percent (`2%`), ATR multiple (`3atr`) or price (`61000`), got 'abc'"),
        ("risk:\n  protective_exits:\n    overrides:\n      - strategy: x\n        time_stop: soon\n",
         "risk.protective_exits.overrides[0].time_stop must be a bar count >= 1 (`48`) or a duration (`90s`, `30m`, `48h`, `2d`), got 'soon'"),
        ("risk:\n  protective_exits:\n    atr_period: 0\n", "risk.protective_exits.atr_period must be an integer from 1 to 1000, got 0"),
        ("risk:\n  cooldown:\n    count: -1\n", "risk.cooldown.count must be an integer from 0 (off) to 1000, got -1"),
        ("risk:\n  cooldown:\n    duration: 0s\n",
         "risk.cooldown.duration must be a positive duration such as `90s`, `30m`, `4h` or `2d`, got '0s'"),
        ("risk:\n  pair_lock:\n    trade_limit: 0\n", "risk.pair_lock.trade_limit must be an integer from 1 to 10000, got 0"),
        ("risk:\n  promotion:\n    min_sharpe: 50\n", "risk.promotion.min_sharpe must be a number from -10 to 20, got 50.0"),
    ])
    func badValuesNameKeyValueAndAllowedRange(yaml: String, message: String) {
        #expect(messages(yaml) == [message])
    }

    @Test func unknownExitKeysAreReportedWithASuggestion() {
        let found = messages("risk:\n  protective_exits:\n    stop_los: 2%\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("risk.protective_exits.stop_los is not a known key; did you mean 'stop_loss'?") == true)
    }
}
