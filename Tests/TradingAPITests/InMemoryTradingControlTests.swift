import Synchronization
import Testing
import TradingAPI
import TradingCore
import TradingModel

@Suite struct InMemoryTradingControlTests {
    @Test func backtestQueueRefusesANinthUnfinishedJob() async throws {
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let control = InMemoryTradingControl(
            cash: Fixed(1000), instruments: [(APIFixtures.btc, Fixed(100))],
            strategies: [StrategyStatus(id: "s", name: "sma_cross", symbols: ["BTC/USDT"], state: .running,
                                        parameters: [:], parameterRanges: [:])],
            backtestRunner: { _ in
                for await _ in gate { break }
                return ["trades": 1]
            })
        let request = BacktestRequest(strategy: "sma_cross", symbol: "BTC/USDT", bars: 100)
        for _ in 0..<InMemoryTradingControl.maxUnfinishedBacktests { _ = try await control.submitBacktest(request) }
        await #expect(throws: ControlError(.conflict, code: "backtest_queue_full",
                                           "8 backtests are queued or running; at most 8, retry later")) {
            try await control.submitBacktest(request)
        }
        open.finish()
        await control.waitForBacktests()
        #expect(await control.backtests().map(\.status) == Array(repeating: .completed, count: 8))
        #expect(try await control.submitBacktest(request).id == "bt-9")
    }

    @Test func limitBuyFillsWhenTheMarkCrossesAndEquityFollowsTheMark() async throws {
        let control = APIFixtures.control()
        _ = try await control.placeOrder(OrderRequest(clientOrderId: "l", symbol: "ETH/USDT", side: .buy, type: .limit,
                                                      quantity: Fixed(2), limitPrice: Fixed(2_400)))
        #expect(await control.balances().first == Balance(asset: "USDT", free: Fixed(95_200), locked: Fixed(4_800)))
        try await control.mark(symbol: "ETH/USDT", price: Fixed(2_390))
        let order = try #require(await control.orders(openOnly: false, limit: 1).first)
        #expect(order.status == .filled)
        #expect(order.averageFillPrice == Fixed(2_400))
        #expect(await control.portfolio().cash == Fixed("95195.2")!)
        #expect(await control.portfolio().positionsValue == Fixed(4_780))
        #expect(await control.equityCurve(limit: 1).first?.equity == Fixed("99975.2")!)
    }
}
