import Foundation
import Testing
import TradingModel
@testable import Simulation

/// `FeeModel.buyFeeInBase`: buys pay their fee in the base asset they deliver, like Binance; sells stay in quote.
@Suite("base-asset fees in the simulator")
struct BaseAssetFeeTests {
    static let baseFees = MatchingConfig(fees: FeeModel(makerRate: d("0.001"), takerRate: d("0.001"), buyFeeInBase: true))

    @Test("a buy's fee is quantity × rate of base, worth that × price; a sell's fee stays in quote")
    func buyInBaseSellInQuote() throws {
        var engine = Fixture.engine(Self.baseFees)
        var events: [ExecutionEvent] = []
        try engine.process(Fixture.firstBar, events: &events)
        engine.submit(Fixture.order("b", .buy, quantity: "2"), time: Fixture.minute, events: &events)
        engine.submit(Fixture.order("s", .sell, quantity: "1"), time: Fixture.minute, events: &events)
        events.removeAll()
        try engine.process(Fixture.bar(1, 100, 101, 99, 100), events: &events)
        let fills = events.compactMap { event -> Fill? in if case let .filled(f) = event { return f } else { return nil } }
        #expect(fills.count == 2)
        let buy = try #require(fills.first { $0.side == .buy })
        #expect(buy.feeAsset == "BTC" && buy.feeAmount == d("0.002") && buy.fee == d("0.2") && buy.feeValued)
        let sell = try #require(fills.first { $0.side == .sell })
        #expect(sell.feeAsset == "USDT" && sell.feeAmount == d("0.1") && sell.fee == d("0.1"))
    }

    @Test("a quote-quantity buy spends its whole budget on the asset when the fee comes out of base")
    func quoteBuySpendsTheBudget() throws {
        var engine = try Fixture.engine(after: OrderRequest(clientOrderId: "o1", symbol: Fixture.symbol, side: .buy,
                                                            quantity: .zero, quoteQuantity: d("1000")),
                                        config: Self.baseFees)
        let events = try Fixture.events(processing: [Fixture.bar(1, 100, 101, 99, 100)], on: &engine)
        guard case let .filled(fill)? = events.first else { Issue.record("no fill: \(events)"); return }
        #expect(fill.quantity == d("10") && fill.feeAmount == d("0.01") && fill.feeAsset == "BTC")
    }

    @Test("buy_fee_in_base decodes and defaults to false; old fee JSON still decodes")
    func decoding() throws {
        let on = try JSONDecoder().decode(FeeModel.self, from: Data(#"{"maker_rate":"0.001","taker_rate":"0.001","buy_fee_in_base":true}"#.utf8))
        #expect(on.buyFeeInBase)
        let off = try JSONDecoder().decode(FeeModel.self, from: Data(#"{"maker_rate":"0.001","taker_rate":"0.001"}"#.utf8))
        #expect(!off.buyFeeInBase && off == FeeModel())
    }
}
