import Testing
import TradingCore
import TradingModel

/// Buys half the equity on bar 0, rests a limit buy on bar 1, and tries another buy on every later bar.
private struct EagerBuyer: Strategy {
    static let name = "eager_buyer"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([])
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        switch context.barIndex {
        case 0: context.target(instrument, .long, tag: "entry")
        case 1: context.place(OrderSpec(instrument: instrument, side: .buy, type: .limit, quantity: Fixed(1),
                                        limitPrice: Fixed(96), tag: "dip"))
        default: context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1), tag: "more"))
        }
    }
}

@Suite struct RiskKernelTests {
    private func bar(_ index: Int, close: Double) -> Bar {
        Bar(time: RiskFixture.t0 + Int64(index) * 3_600_000, open: close, high: close, low: close, close: close, volume: 1)
    }

    @Test func drawdownBreachCancelsFlattensAndHaltsBeforeTheStrategySeesTheBar() throws {
        let engine = RiskFixture.engine { $0.maxPositionFraction = 1 }
        var kernel = TradingKernel(strategy: try EagerBuyer(parameters: ParameterValues([:])),
                                   portfolio: Portfolio(instruments: [RiskFixture.instrument("AAA/USDT")], cash: Fixed(10_000)),
                                   sizing: .fraction(0.5), allowShort: false, risk: engine, idPrefix: "k")
        var commands: [VenueCommand] = []
        kernel.onBar(bar(0, close: 100), instrument: 0, barIndex: 0, commands: &commands)
        #expect(commands.count == 1)
        commands.removeAll()
        kernel.on(.filled(Fill(tradeId: "f1", clientOrderId: "k-1", venueOrderId: "v1", symbol: "AAA/USDT", side: .buy,
                               price: Fixed(100), quantity: Fixed(50), fee: .zero, liquidity: .taker,
                               time: RiskFixture.t0 + 3_600_000).completing(true)), commands: &commands)
        kernel.onBar(bar(1, close: 100), instrument: 0, barIndex: 1, commands: &commands)
        #expect(commands.count == 1)  // the resting limit buy k-2
        commands.removeAll()
        kernel.on(.accepted(clientOrderId: "k-2", venueOrderId: "v2", time: RiskFixture.t0 + 3_600_000), commands: &commands)

        kernel.onBar(bar(2, close: 70), instrument: 0, barIndex: 2, commands: &commands)

        #expect(commands == [
            .cancel(clientOrderId: "k-2", symbol: "AAA/USDT"),
            .submit(OrderRequest(clientOrderId: "k-3", symbol: "AAA/USDT", side: .sell, type: .market,
                                 quantity: Fixed(50), reduceOnly: true, tag: "risk-flatten")),
        ])
        #expect(kernel.rejections.map(\.code) == ["halted"])  // the strategy's buy on the same bar
        #expect(kernel.risk.events.map(\.code) == ["max_drawdown", "max_drawdown", "max_drawdown"])
        #expect((kernel.risk as? RiskEngine)?.state == .halted)
    }

    @Test("the kernel keeps the list of instruments with working orders as orders rest, fill and end")
    func instrumentsWithWorkingOrdersFollowTheOrders() throws {
        var kernel = TradingKernel(strategy: try EagerBuyer(parameters: ParameterValues([:])),
                                   portfolio: Portfolio(instruments: [RiskFixture.instrument("AAA/USDT"),
                                                                      RiskFixture.instrument("BBB/USDT")], cash: Fixed(10_000)),
                                   sizing: .fraction(0.5), allowShort: false, idPrefix: "k")
        var commands: [VenueCommand] = []
        kernel.onBar(bar(0, close: 100), instrument: 1, barIndex: 0, commands: &commands)
        #expect(kernel.context.instrumentsWithWorkingOrders == [1])
        kernel.onBar(bar(1, close: 100), instrument: 0, barIndex: 1, commands: &commands)  // the resting limit buy
        #expect(kernel.context.instrumentsWithWorkingOrders == [1, 0])
        kernel.on(.filled(Fill(tradeId: "f1", clientOrderId: "k-1", venueOrderId: "v1", symbol: "BBB/USDT", side: .buy,
                               price: Fixed(100), quantity: Fixed(50), fee: .zero, liquidity: .taker,
                               time: RiskFixture.t0).completing(true)), commands: &commands)
        #expect(kernel.context.instrumentsWithWorkingOrders == [0])
        kernel.on(.canceled(clientOrderId: "k-2", reason: "test", time: RiskFixture.t0), commands: &commands)
        #expect(kernel.context.instrumentsWithWorkingOrders.isEmpty)
    }

    @Test func basicChecksProduceNoRiskActionsOrEvents() throws {
        var kernel = TradingKernel(strategy: try EagerBuyer(parameters: ParameterValues([:])),
                                   portfolio: Portfolio(instruments: [RiskFixture.instrument("AAA/USDT")], cash: Fixed(10_000)),
                                   sizing: .fraction(0.5), allowShort: false, idPrefix: "k")
        var commands: [VenueCommand] = []
        kernel.onBar(bar(0, close: 100), instrument: 0, barIndex: 0, commands: &commands)
        commands.removeAll()
        kernel.on(.filled(Fill(tradeId: "f1", clientOrderId: "k-1", venueOrderId: "v1", symbol: "AAA/USDT", side: .buy,
                               price: Fixed(100), quantity: Fixed(50), fee: .zero, liquidity: .taker, time: RiskFixture.t0)),
                  commands: &commands)
        kernel.onBar(bar(1, close: 10), instrument: 0, barIndex: 1, commands: &commands)
        #expect(commands.count == 1)  // only the strategy's own limit buy
        #expect(kernel.risk.events.isEmpty)
    }
}
