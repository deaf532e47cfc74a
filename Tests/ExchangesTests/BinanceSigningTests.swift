import Exchanges
import Testing
import TradingModel

@Suite struct BinanceSigningTests {
    @Test func signatureMatchesTheOfficialDocumentationExample() {
        let query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        #expect(BinanceSigner(secret: BinanceTestKeys.secret).signature(of: query)
            == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
    }

    @Test func signedQueryAppendsTheSignatureLast() {
        let signed = BinanceSigner(secret: BinanceTestKeys.secret).signedQuery("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559")
        #expect(signed.hasSuffix("&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"))
    }

    @Test func queryStringPercentEncodesOutsideTheUnreservedSet() {
        #expect(QueryString.encode([("symbol", "BTCUSDT"), ("id", "a b/c~d_e.f-g"), ("x", "ü")])
            == "symbol=BTCUSDT&id=a%20b%2Fc~d_e.f-g&x=%C3%BC")
        let decoded = QueryString.decode("id=a%20b%2Fc&n=1+2")
        #expect(decoded.map(\.0) == ["id", "n"])
        #expect(decoded.map(\.1) == ["a b/c", "1 2"])
    }

    @Test func newOrderParametersFollowTheTypeRules() {
        let limit = BinanceNewOrder(symbol: "BTCUSDT", side: .buy, type: .limit, quantity: Fixed("0.01")!,
                                    price: 40_000, timeInForce: .gtc, clientOrderId: "c1")
        #expect(limit.problem() == nil)
        #expect(QueryString.encode(limit.parameters)
            == "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=40000&newClientOrderId=c1&newOrderRespType=FULL")
        let quote = BinanceNewOrder(symbol: "BTCUSDT", side: .buy, type: .market, quoteOrderQty: 100, clientOrderId: "c2")
        #expect(QueryString.encode(quote.parameters)
            == "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=100&newClientOrderId=c2&newOrderRespType=FULL")
        let stop = BinanceNewOrder(symbol: "BTCUSDT", side: .sell, type: .stopLossLimit, quantity: 1, price: 100,
                                   clientOrderId: "c3")
        #expect(stop.problem() == "STOP_LOSS_LIMIT: needs a positive stopPrice")
        let maker = BinanceNewOrder(symbol: "BTCUSDT", side: .buy, type: .limitMaker, quantity: 1, clientOrderId: "c4")
        #expect(maker.problem() == "LIMIT_MAKER: needs a positive price")
    }
}
