import Foundation
import Testing
import TradingCore
import TradingModel

/// The ledger books each commission where the venue took it: base-asset fees from the position, quote fees from
/// cash, third-asset (BNB) fees outside the ledger, valued at the ledger's BNB mark or reported as unvalued.
@Suite("fee assets in the ledger")
struct FeeAssetLedgerTests {
    static let btc = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                minNotional: Fixed(5))
    static let bnb = Instrument(symbol: "BNB/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.001")!,
                                minNotional: Fixed(5))

    static func fill(_ side: OrderSide, _ quantity: String, at price: Int, fee: String, in asset: String,
                     id: String = "o1", trade: String = "t1", symbol: String = "BTC/USDT") -> Fill {
        Fill(tradeId: trade, clientOrderId: id, venueOrderId: "v-\(id)", symbol: symbol, side: side, price: Fixed(price),
             quantity: Fixed(quantity)!, feeAmount: Fixed(fee)!, feeAsset: asset, liquidity: .taker, time: 1_000)
    }

    @Test("a base-asset fee on a buy reduces the position, not cash; its quote value is a fee")
    func baseFeeReducesQuantity() {
        var portfolio = Portfolio(instruments: [Self.btc], cash: Fixed(50_000))
        let fill = Self.fill(.buy, "1", at: 40_000, fee: "0.001", in: "BTC")
        #expect(fill.feeValued && fill.fee == Fixed(40) && fill.feeAmount == Fixed("0.001")!)
        portfolio.apply(fill, instrument: 0)
        #expect(portfolio.quantity(0) == Fixed("0.999")!)
        #expect(portfolio.positions[0].averageEntryPrice == Fixed(40_000))
        #expect(portfolio.cash == Fixed(10_000))
        #expect(portfolio.feesPaid == Fixed(40))
        #expect(portfolio.equity == Fixed(49_960))  // 50,000 less the 40 USDT the commission was worth
        #expect(portfolio.otherAssetFees.isEmpty && portfolio.unvaluedFees.isEmpty)
    }

    @Test("a quote fee reduces cash; a round trip with a base-fee buy closes flat and its P&L adds up")
    func quoteFeeReducesCashAndRoundTripCloses() {
        var portfolio = Portfolio(instruments: [Self.btc], cash: Fixed(50_000))
        portfolio.apply(Self.fill(.buy, "1", at: 40_000, fee: "0.001", in: "BTC"), instrument: 0)
        let sell = Self.fill(.sell, "0.999", at: 41_000, fee: "40.959", in: "USDT", id: "o2", trade: "t2")
        #expect(sell.fee == Fixed("40.959")!)
        let realized = portfolio.apply(sell, instrument: 0)
        #expect(portfolio.positions[0].isFlat)
        #expect(realized == Fixed(999))  // 0.999 × (41,000 − 40,000), before fees
        #expect(portfolio.cash == Fixed("50918.041")!)  // 10,000 + 40,959 − 40.959
        #expect(portfolio.feesPaid == Fixed("80.959")!)
        #expect(portfolio.equity - Fixed(50_000) == realized - portfolio.feesPaid)
    }

    @Test("a BNB fee leaves cash and position alone and is valued at the ledger's BNB/USDT mark")
    func bnbFeeValuedAtMark() {
        var portfolio = Portfolio(instruments: [Self.btc, Self.bnb], cash: Fixed(50_000))
        portfolio.mark(1, price: 600)
        let fill = Self.fill(.buy, "1", at: 40_000, fee: "0.05", in: "BNB")
        #expect(!fill.feeValued && fill.fee.isZero)
        let valued = portfolio.valuingFee(fill)
        #expect(valued.feeValued && valued.fee == Fixed(30))
        portfolio.apply(fill, instrument: 0)
        #expect(portfolio.quantity(0) == Fixed(1))
        #expect(portfolio.cash == Fixed(10_000))
        #expect(portfolio.feesPaid == Fixed(30))
        #expect(portfolio.otherAssetFees == ["BNB": Fixed("0.05")!])
        #expect(portfolio.unvaluedFees.isEmpty)
    }

    @Test("a BNB fee without a BNB price is booked as charged and listed as unvalued, not guessed")
    func bnbFeeWithoutPriceIsUnvalued() {
        var portfolio = Portfolio(instruments: [Self.btc], cash: Fixed(50_000))
        portfolio.apply(Self.fill(.buy, "1", at: 40_000, fee: "0.05", in: "BNB"), instrument: 0)
        #expect(portfolio.quantity(0) == Fixed(1))
        #expect(portfolio.feesPaid.isZero)
        #expect(portfolio.otherAssetFees == ["BNB": Fixed("0.05")!])
        #expect(portfolio.unvaluedFees == ["BNB": Fixed("0.05")!])
    }

    @Test("a fill decoded from JSON written before fee assets existed was charged in quote")
    func legacyJSONDecodesAsQuoteFee() throws {
        let json = #"{"tradeId":"t1","clientOrderId":"a","venueOrderId":"v","symbol":"ETH/BTC","side":"buy","price":"0.05","quantity":"2","fee":"0.0001","liquidity":"maker","time":5}"#
        let fill = try JSONDecoder().decode(Fill.self, from: Data(json.utf8))
        #expect(fill.feeAsset == "BTC" && fill.feeAmount == Fixed("0.0001")! && fill.feeValued)
        let bnb = Self.fill(.buy, "1", at: 40_000, fee: "0.05", in: "BNB")
        #expect(try JSONDecoder().decode(Fill.self, from: JSONEncoder().encode(bnb)) == bnb)
    }
}

/// Buys on bar 0, goes flat on bar 1, long again on bar 2.
private struct InOutIn: Strategy {
    static let name = "in_out_in"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([])
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        context.target(instrument, context.barIndex == 1 ? .flat : .long)
    }
}

@Suite("fee assets in the kernel")
struct FeeAssetKernelTests {
    static let instrument = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.001")!,
                                       minNotional: Fixed(5))

    private func bar(_ index: Int) -> Bar {
        Bar(time: Int64(index) * 60_000, open: 40_000, high: 40_000, low: 40_000, close: 40_000, volume: 10)
    }

    @Test("after a base-fee buy the exit sells what is held on the lot grid; the dust left reads as flat")
    func exitSellsWhatIsHeld() throws {
        var kernel = TradingKernel(strategy: try InOutIn(parameters: ParameterValues([:])),
                                   portfolio: Portfolio(instruments: [Self.instrument], cash: Fixed(10_000)),
                                   sizing: .fixed(Fixed("0.123")!), allowShort: false, idPrefix: "k")
        var commands: [VenueCommand] = []
        kernel.onBar(bar(0), instrument: 0, barIndex: 0, commands: &commands)
        guard case let .submit(entry)? = commands.first else { Issue.record("no entry: \(commands)"); return }
        #expect(entry.quantity == Fixed("0.123")!)
        commands.removeAll()
        kernel.on(.accepted(clientOrderId: entry.clientOrderId, venueOrderId: "v1", time: 60_000), commands: &commands)
        kernel.on(.filled(Fill(tradeId: "t1", clientOrderId: entry.clientOrderId, venueOrderId: "v1", symbol: "BTC/USDT",
                               side: .buy, price: Fixed(40_000), quantity: Fixed("0.123")!, feeAmount: Fixed("0.000123")!,
                               feeAsset: "BTC", liquidity: .taker, time: 60_000)), commands: &commands)
        #expect(kernel.portfolio.quantity(0) == Fixed("0.122877")!)

        kernel.onBar(bar(1), instrument: 0, barIndex: 1, commands: &commands)
        guard case let .submit(exit)? = commands.first else { Issue.record("no exit: \(commands)"); return }
        #expect(exit.side == .sell && exit.quantity == Fixed("0.122")!)  // not 0.122877, not the 0.123 bought
        commands.removeAll()
        kernel.on(.accepted(clientOrderId: exit.clientOrderId, venueOrderId: "v2", time: 120_000), commands: &commands)
        kernel.on(.filled(Fill(tradeId: "t2", clientOrderId: exit.clientOrderId, venueOrderId: "v2", symbol: "BTC/USDT",
                               side: .sell, price: Fixed(40_000), quantity: Fixed("0.122")!, fee: Fixed("4.88")!,
                               liquidity: .taker, time: 120_000)), commands: &commands)
        #expect(kernel.portfolio.quantity(0) == Fixed("0.000877")!)  // dust: held and valued, not sellable
        #expect(kernel.trades.closed.count == 1)
        #expect(kernel.trades.closed.first?.fee == Fixed("9.8")!)  // 0.000123 BTC × 40,000 + 4.88 USDT
        #expect(kernel.trades.closed.first?.quantity == Fixed("0.122877")!)  // what was held, not what was bought
        #expect(commands.isEmpty)

        // Flat again (dust), so the next long target sends a fresh entry.
        kernel.onBar(bar(2), instrument: 0, barIndex: 2, commands: &commands)
        guard case let .submit(again)? = commands.first else { Issue.record("no new entry: \(commands)"); return }
        #expect(again.side == .buy && again.quantity == Fixed("0.123")!)
        #expect(kernel.rejections.isEmpty)
    }
}
