import Testing
import TradingCore
import TradingModel

/// Cash promised to working buy orders, which a new buy cannot spend (BasicRiskChecks). Cash 10,000, price 100.
@Suite struct CommittedCashTests {
    /// A working quote-quantity buy of 6,000 that has filled `filled` units at 100.
    static func workingQuoteBuy(filled: String) -> Order {
        var order = Order(request: OrderRequest(clientOrderId: "q1", symbol: "BBB/USDT", side: .buy, quantity: .zero,
                                                quoteQuantity: Fixed(6_000)), createdAt: RiskFixture.t0)
        if let units = Fixed(filled), units.isPositive {
            order.record(fillPrice: Fixed(100), quantity: units, fee: .zero, time: RiskFixture.t0)
            order.status = .partiallyFilled
        }
        return order
    }

    /// A 4,500 buy of AAA while `working` rests on BBB (instrument 1 of 3).
    static func check(with working: Order) -> String? {
        var hook = BasicRiskChecks(allowShort: false)
        var request = OrderRequest(clientOrderId: "b", symbol: "AAA/USDT", side: .buy, quantity: Fixed(45))
        let portfolio = RiskFixture.portfolio(["AAA/USDT", "BBB/USDT", "CCC/USDT"])
        let context = RiskCheckContext(portfolio: portfolio, instrument: 0, time: RiskFixture.t0,
                                       workingOrders: [[], [working], []])
        #expect(context.instrumentsWithWorkingOrders == [1])
        return hook.check(&request, context: context)?.code
    }

    @Test("an unfilled quote buy commits its whole amount: 6,000 of 10,000, so a 4,500 buy is refused")
    func unfilledQuoteBuyCommitsItsAmount() {
        #expect(Self.check(with: Self.workingQuoteBuy(filled: "0")) == "insufficient_balance")
    }

    @Test("a partially filled quote buy still working commits what it may still spend: 6,000 - 2,000 filled")
    func partiallyFilledQuoteBuyCommitsTheRest() {
        // 20 units at 100 filled, 4,000 left to spend. (The fill is not booked on this ledger; only the order is read.)
        // 10,000 - 4,000 = 6,000 free: the 4,500 buy passes.
        #expect(Self.check(with: Self.workingQuoteBuy(filled: "20")) == nil)
        #expect(Self.workingQuoteBuy(filled: "20").remainingQuote == Fixed(4_000))
        #expect(Self.workingQuoteBuy(filled: "70").remainingQuote == .zero)
    }
}
