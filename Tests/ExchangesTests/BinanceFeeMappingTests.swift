import Exchanges
import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes

/// Binance commissions reach the fill in the asset Binance charged, from each of its three sources. The bodies
/// are Binance's documented examples (the FULL order response of `POST /api/v3/order`, a `GET /api/v3/myTrades`
/// entry, an `executionReport`); where an example shows another case (a NEW report, a SELL) the fields that make it
/// a BUY trade are changed and named in the test.
@Suite("binance fee assets")
struct BinanceFeeMappingTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test("FULL order response: fills[].commission/commissionAsset in quote (documented SELL example)")
    func orderResponseFills() throws {
        let body = """
        {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP",
         "transactTime":1507725176595,"price":"0.00000000","origQty":"10.00000000","executedQty":"10.00000000",
         "origQuoteOrderQty":"0.000000","cummulativeQuoteQty":"10.00000000","status":"FILLED","timeInForce":"GTC",
         "type":"MARKET","side":"SELL","workingTime":1507725176595,"selfTradePreventionMode":"NONE",
         "fills":[{"price":"4000.00000000","qty":"1.00000000","commission":"4.00000000","commissionAsset":"USDT","tradeId":56},
                  {"price":"3999.00000000","qty":"5.00000000","commission":"19.99500000","commissionAsset":"USDT","tradeId":57}]}
        """
        let order = try Self.decode(BinanceWire.Order.self, body)
        let fills = try BinanceMapping.fills(order, clientOrderId: "c-1", symbol: "BTC/USDT", time: 1507725176595)
        #expect(fills.map(\.tradeId) == ["56", "57"])
        #expect(fills.map(\.side) == [.sell, .sell])
        #expect(fills.map(\.feeAsset) == ["USDT", "USDT"])
        #expect(fills.map(\.feeAmount) == [Fixed(4), Fixed("19.995")!])
        #expect(fills.map(\.fee) == [Fixed(4), Fixed("19.995")!])
        #expect(fills.map(\.feeValued) == [true, true])
    }

    @Test("FULL order response of a BUY: the commission in the base asset keeps its asset and is valued at the price")
    func orderResponseBuyInBase() throws {
        // The documented example with side BUY and the commission Binance takes on a buy: base asset.
        let body = """
        {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP",
         "transactTime":1507725176595,"price":"0.00000000","origQty":"1.00000000","executedQty":"1.00000000",
         "cummulativeQuoteQty":"4000.00000000","status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"BUY",
         "fills":[{"price":"4000.00000000","qty":"1.00000000","commission":"0.00100000","commissionAsset":"BTC","tradeId":56}]}
        """
        let fill = try #require(try BinanceMapping.fills(try Self.decode(BinanceWire.Order.self, body), clientOrderId: "c-1",
                                                         symbol: "BTC/USDT", time: 1).first)
        #expect(fill.side == .buy)
        #expect(fill.feeAsset == "BTC" && fill.feeAmount == Fixed("0.001")!)
        #expect(fill.fee == Fixed(4) && fill.feeValued)
    }

    @Test("myTrades: the documented BNBBTC buy charged in BNB, the base asset")
    func myTradesEntry() throws {
        let body = """
        {"symbol":"BNBBTC","id":28457,"orderId":100234,"orderListId":-1,"price":"4.00000100","qty":"12.00000000",
         "quoteQty":"48.000012","commission":"10.10000000","commissionAsset":"BNB","time":1499865549590,
         "isBuyer":true,"isMaker":false,"isBestMatch":true}
        """
        let fill = try BinanceMapping.fill(try Self.decode(BinanceWire.Trade.self, body), clientOrderId: "c-9", symbol: "BNB/BTC")
        #expect(fill.tradeId == "28457" && fill.venueOrderId == "100234" && fill.side == .buy && fill.liquidity == .taker)
        #expect(fill.quantity == Fixed(12) && fill.price == Fixed("4.000001")!)
        #expect(fill.feeAsset == "BNB" && fill.feeAmount == Fixed("10.1")!)
        #expect(fill.fee == Fixed("40.4000101")!)  // 10.1 BNB × 4.000001 BTC
        #expect(fill.feeValued)
    }

    static func report(commission: String, asset: String) -> String {
        // The documented executionReport with x/X/l/z/L/n/N/t of a filled trade instead of a NEW order.
        """
        {"e":"executionReport","E":1499405658658,"s":"ETHBTC","c":"mUvoqJxFIILMdfAW5iGSOW","S":"BUY","o":"LIMIT",
         "f":"GTC","q":"1.00000000","p":"0.10264410","P":"0.00000000","F":"0.00000000","g":-1,"C":"","x":"TRADE",
         "X":"FILLED","r":"NONE","i":4293153,"l":"1.00000000","z":"1.00000000","L":"0.10264410","n":"\(commission)",
         "N":"\(asset)","T":1499405658657,"t":283,"v":3,"I":8641984,"w":false,"m":false,"M":true,"O":1499405658657,
         "Z":"0.10264410","Y":"0.10264410","Q":"0.00000000","W":1499405658657,"V":"NONE"}
        """
    }

    @Test("executionReport: n/N map to the fee; a base fee is valued, a BNB fee is left unvalued for the ledger")
    func executionReports() throws {
        guard case let .execution(base)? = BinanceUserDataEvent.parse(Self.report(commission: "0.00100000", asset: "ETH")),
              case let .execution(bnb)? = BinanceUserDataEvent.parse(Self.report(commission: "0.00015000", asset: "BNB")) else {
            Issue.record("the documented executionReport did not parse")
            return
        }
        let inBase = try BinanceMapping.fill(base, symbol: "ETH/BTC")
        #expect(inBase.tradeId == "283" && inBase.clientOrderId == "mUvoqJxFIILMdfAW5iGSOW" && inBase.venueOrderId == "4293153")
        #expect(inBase.quantity == Fixed(1) && inBase.price == Fixed("0.1026441")!)
        #expect(inBase.feeAsset == "ETH" && inBase.feeAmount == Fixed("0.001")!)
        #expect(inBase.fee == Fixed("0.00010264")! && inBase.feeValued)  // 0.001 × 0.1026441, rounded to 10⁻⁸
        let inBNB = try BinanceMapping.fill(bnb, symbol: "ETH/BTC")
        #expect(inBNB.feeAsset == "BNB" && inBNB.feeAmount == Fixed("0.00015")!)
        #expect(!inBNB.feeValued && inBNB.fee.isZero)
    }

    @Test("the fake venue charges a buy's commission in base and its balances show it; with BNB fees on, in BNB")
    func fakeVenueChargesLikeBinance() async throws {
        try await withFakeBinance { server, exchange in
            try await exchange.submit(OrderRequest(clientOrderId: "b-1", symbol: "BTC/USDT", side: .buy, quantity: Fixed("0.01")!))
            let first = await collect(exchange.events, count: 2)
            guard case let .filled(inBase)? = first.last else { Issue.record("no fill: \(first)"); return }
            #expect(inBase.feeAsset == "BTC" && inBase.feeAmount == Fixed("0.00001")! && inBase.fee == Fixed("0.5")!)
            #expect(await server.state.balance("BTC").free == Fixed("1.00999")!)  // 1 + 0.01 − 0.00001

            await server.state.setBalance("BNB", Fixed(1))
            await server.state.setBNBFees(price: Fixed(500))
            try await exchange.submit(OrderRequest(clientOrderId: "b-2", symbol: "BTC/USDT", side: .buy, quantity: Fixed("0.01")!))
            let second = await collect(exchange.events, count: 2)
            guard case let .filled(inBNB)? = second.last else { Issue.record("no fill: \(second)"); return }
            // 500 USDT notional × 0.1% × (1 − 25%) / 500 USDT per BNB = 0.00075 BNB.
            #expect(inBNB.feeAsset == "BNB" && inBNB.feeAmount == Fixed("0.00075")! && !inBNB.feeValued)
            #expect(await server.state.balance("BTC").free == Fixed("1.01999")!)  // the whole 0.01 arrives
            #expect(await server.state.balance("BNB").free == Fixed("0.99925")!)
            let trades = try await exchange.fills(symbol: "BTC/USDT", since: 0)
            #expect(trades.map(\.feeAsset) == ["BTC", "BNB"])
            #expect(trades.map(\.feeAmount) == [Fixed("0.00001")!, Fixed("0.00075")!])
        }
    }
}
