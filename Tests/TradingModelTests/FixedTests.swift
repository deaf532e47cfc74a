import Testing
@testable import TradingModel

@Suite struct FixedTests {
    @Test func parsesAndPrintsExactDecimals() {
        #expect(Fixed("12.5")?.raw == 1_250_000_000)
        #expect(Fixed("-0.00000001")?.raw == -1)
        #expect(Fixed("1e-3")?.description == "0.001")
        #expect(Fixed("0.123456785")?.description == "0.12345679")
        #expect(Fixed("abc") == nil)
        #expect(Fixed("1.2.3") == nil)
        #expect(Fixed(raw: -150_000_000).description == "-1.5")
    }

    @Test func multipliesAndDividesWithOneRounding() {
        let price = Fixed("43210.12")!
        let qty = Fixed("0.00123")!
        #expect((price * qty).description == "53.1484476")
        #expect((Fixed(1) / Fixed(3)).description == "0.33333333")
        #expect((Fixed(2) / Fixed(3)).description == "0.66666667")
        #expect((Fixed(-2) / Fixed(3)).description == "-0.66666667")
    }

    @Test func roundsOntoGrids() {
        let tick = Fixed("0.01")!
        #expect(Fixed("1.005")!.rounded(toMultipleOf: tick, .nearest).description == "1.01")
        #expect(Fixed("1.009")!.rounded(toMultipleOf: tick, .down).description == "1")
        #expect(Fixed("-1.001")!.rounded(toMultipleOf: tick, .down).description == "-1.01")
        #expect(Fixed("1.001")!.rounded(toMultipleOf: tick, .up).description == "1.01")
        #expect(Fixed("1.019")!.rounded(toMultipleOf: tick, .towardZero).description == "1.01")
    }

    @Test func positionTracksAverageEntryAndRealizedPnl() {
        var p = Position(symbol: "BTC/USDT")
        p.apply(side: .buy, quantity: Fixed(1), price: Fixed(100), time: 1)
        p.apply(side: .buy, quantity: Fixed(1), price: Fixed(110), time: 2)
        #expect(p.averageEntryPrice == Fixed(105))
        let pnl = p.apply(side: .sell, quantity: Fixed(3), price: Fixed(120), time: 3)
        #expect(pnl == Fixed(30))
        #expect(p.quantity == Fixed(-1))
        #expect(p.averageEntryPrice == Fixed(120))
        #expect(p.openedAt == 3)
    }
}

@Suite struct OrderFillBookkeepingTests {
    @Test func averagePriceIsExactWhenEveryFillHadTheSamePrice() {
        var order = Order(request: OrderRequest(clientOrderId: "a", symbol: "BTC/USDT", side: .buy, quantity: Fixed(1)), createdAt: 0)
        #expect(order.averageFillPrice == nil)
        order.record(fillPrice: Fixed("31467.15")!, quantity: Fixed("0.31747425")!, fee: .zero, time: 1)
        #expect(order.averageFillPrice == Fixed("31467.15")!)
        order.record(fillPrice: Fixed("31467.15")!, quantity: Fixed("0.1")!, fee: .zero, time: 2)
        #expect(order.averageFillPrice == Fixed("31467.15")!)
        order.record(fillPrice: Fixed(100), quantity: Fixed(1), fee: Fixed(1), time: 3)
        #expect(order.averageFillPrice == order.filledNotional / order.filledQuantity)
        #expect(order.fees == Fixed(1))
        #expect(order.updatedAt == 3)
    }
}
