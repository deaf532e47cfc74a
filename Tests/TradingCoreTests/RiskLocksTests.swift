import Foundation
import Testing
import TradingCore
import TradingModel

/// Cooldown after consecutive stop-outs and the low-profit pair lock.
@Suite struct RiskLocksTests {
    private let hour: Int64 = 3_600_000

    /// A closed round trip of `symbol` ending at `exit` with return `r` (built from its Codable form: the
    /// type has no public memberwise initializer).
    private func trade(exit: Int64, return r: Double = -0.02, symbol: String = "AAA/USDT") -> ClosedTrade {
        let json = """
        {"symbol":"\(symbol)","side":"buy","entryTime":\(exit - hour),"exitTime":\(exit),"entryPrice":"100",
         "exitPrice":"98","quantity":"1","pnl":"-2","fee":"0","entryOrderId":"e","exitOrderId":"x",
         "returnFraction":\(r),"bars":1}
        """
        return try! JSONDecoder().decode(ClosedTrade.self, from: Data(json.utf8))
    }

    /// The code of a 1-unit buy at `time` (nil when approved).
    private func buyCode(_ engine: inout RiskEngine, at time: Int64, symbol: String = "AAA/USDT") -> String? {
        let portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT"])
        return RiskFixture.code(&engine, RiskFixture.buy("1", symbol: symbol),
                                RiskFixture.context(portfolio, instrument: symbol == "AAA/USDT" ? 0 : 1, time: time)).0
    }

    @Test(arguments: [(2, nil as String?), (3, "cooldown")])
    func cooldownStartsAtTheNthConsecutiveStopOut(stopOuts: Int, expected: String?) {
        var engine = RiskFixture.engine()
        let t = RiskFixture.t0
        for k in 0..<stopOuts { engine.onTradeClosed(trade(exit: t + Int64(k) * hour), reason: .stopLoss, instrument: 0) }
        #expect(buyCode(&engine, at: t + 3 * hour) == expected)
        #expect(buyCode(&engine, at: t + 3 * hour, symbol: "BBB/USDT") == nil)
    }

    @Test func cooldownExpiresExactlyAfterItsDuration() {
        var engine = RiskFixture.engine { $0.cooldown = CooldownConfig(count: 2, durationMs: 4 * 3_600_000) }
        let t = RiskFixture.t0
        engine.onTradeClosed(trade(exit: t), reason: .trailingStop, instrument: 0)
        engine.onTradeClosed(trade(exit: t + hour), reason: .stopLoss, instrument: 0)
        #expect(engine.locks["AAA/USDT"] == SymbolLock(
            code: "cooldown", until: t + 5 * hour,
            reason: "AAA/USDT cools down until 2024-01-01T05:00:00Z after 2 consecutive stop-outs (cooldown.count 2, cooldown.duration 4h)"))
        #expect(buyCode(&engine, at: t + 5 * hour - 1) == "cooldown")
        #expect(buyCode(&engine, at: t + 5 * hour) == nil)
        #expect(engine.events.map(\.kind) == [.cooldown])
    }

    @Test(arguments: [ExitReason?.none, .takeProfit, .timeStop])
    func anyOtherExitResetsTheStopOutCount(reason: ExitReason?) {
        var engine = RiskFixture.engine { $0.cooldown.count = 2 }
        let t = RiskFixture.t0
        engine.onTradeClosed(trade(exit: t), reason: .stopLoss, instrument: 0)
        engine.onTradeClosed(trade(exit: t + hour), reason: reason, instrument: 0)
        engine.onTradeClosed(trade(exit: t + 2 * hour), reason: .stopLoss, instrument: 0)
        #expect(buyCode(&engine, at: t + 3 * hour) == nil)
    }

    @Test func exitsStillPassDuringACooldown() {
        var engine = RiskFixture.engine { $0.cooldown.count = 1 }
        engine.onTradeClosed(trade(exit: RiskFixture.t0), reason: .stopLoss, instrument: 0)
        let portfolio = RiskFixture.portfolio(holdings: [1])
        let (code, _) = RiskFixture.code(&engine, RiskFixture.sell("1", reduceOnly: true), RiskFixture.context(portfolio))
        #expect(code == nil)
    }

    private func pairLockEngine() -> RiskEngine {
        RiskFixture.engine {
            $0.cooldown.count = 0
            $0.pairLock = PairLockConfig(enabled: true, lookbackMs: 24 * 3_600_000, tradeLimit: 3, requiredProfit: 0.01,
                                         durationMs: 12 * 3_600_000)
        }
    }

    @Test(arguments: [
        ([0.005, 0.0, 0.004], "pair_locked" as String?),  // 0.9% < 1%
        ([0.005, 0.0, 0.005], nil),                       // exactly 1% is enough
        ([-0.05, -0.05], nil),                            // fewer than trade_limit trades
    ])
    func pairLockWhenRecentTradesMadeTooLittle(returns: [Double], expected: String?) {
        var engine = pairLockEngine()
        let t = RiskFixture.t0
        for (k, r) in returns.enumerated() { engine.onTradeClosed(trade(exit: t + Int64(k) * hour, return: r), reason: nil, instrument: 0) }
        #expect(buyCode(&engine, at: t + 3 * hour) == expected)
    }

    @Test func tradesOlderThanTheLookbackDoNotCount() {
        var engine = pairLockEngine()
        let t = RiskFixture.t0
        engine.onTradeClosed(trade(exit: t), reason: nil, instrument: 0)
        engine.onTradeClosed(trade(exit: t + 24 * hour), reason: nil, instrument: 0)
        engine.onTradeClosed(trade(exit: t + 25 * hour), reason: nil, instrument: 0)
        #expect(buyCode(&engine, at: t + 26 * hour) == nil)
        engine.onTradeClosed(trade(exit: t + 26 * hour), reason: nil, instrument: 0)
        #expect(buyCode(&engine, at: t + 27 * hour) == "pair_locked")
        #expect(buyCode(&engine, at: t + 38 * hour) == nil)
        #expect(engine.events.map(\.reason) == ["AAA/USDT is locked until 2024-01-02T14:00:00Z: its 3 trades of the last 1d returned -6.0%, below pair_lock.required_profit 1.0%"])
    }
}
