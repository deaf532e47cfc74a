import Foundation
import Testing
import TradingCore
import TradingModel
@testable import Exchanges

@Suite struct KrakenMappingTests {
    @Test(arguments: [
        ("EAPI:Invalid nonce", ExchangeError.Kind.clockSkew),
        ("EOrder:Insufficient funds", .insufficientFunds),
        ("EGeneral:Invalid arguments", .invalidRequest),
        ("EGeneral:Invalid arguments:volume", .invalidRequest),
        ("EService:Unavailable", .unavailable),
        ("EService:Busy", .unavailable),
        ("EAPI:Rate limit exceeded", .rateLimited),
        ("EOrder:Rate limit exceeded", .rateLimited),
        ("EOrder:Unknown order", .unknownOrder),
        ("EAPI:Invalid key", .authentication),
        ("EAPI:Invalid signature", .authentication),
        ("EGeneral:Permission denied", .authentication),
        ("EGeneral:Temporary lockout", .banned),
        ("EQuery:Unknown asset pair", .invalidRequest),
        ("EOrder:Order minimum not met", .invalidRequest),
        ("EOrder:Duplicate order", .duplicateOrder),
        ("EService:Deadline elapsed", .timeout),
        ("EGeneral:Internal error", .unknown),
    ])
    func errorCodesMapToKinds(code: String, kind: ExchangeError.Kind) {
        #expect(KrakenErrorMapper.kind(of: code) == kind)
    }

    @Test func anUnavailableAnswerToAnOrderLeavesItsOutcomeUnknown() {
        let order = KrakenErrorMapper.error(for: ["EService:Unavailable"], method: "AddOrder", mutating: true)
        #expect(order.outcomeUnknown)
        #expect(!order.isRetrySafe)
        let query = KrakenErrorMapper.error(for: ["EService:Unavailable"], method: "Balance", mutating: false)
        #expect(!query.outcomeUnknown)
        #expect(query.isRetrySafe)
        #expect(query.description == "kraken: unavailable (EService:Unavailable): Balance: EService:Unavailable")
    }

    @Test func rateLimitErrorsAreRetrySafeWithAWait() {
        let e = KrakenErrorMapper.error(for: ["EAPI:Rate limit exceeded"], method: "Balance", mutating: false)
        #expect(e.kind == .rateLimited)
        #expect(e.retryAfter == 3)
        #expect(e.isRetrySafe)
    }

    @Test func assetCodesAndPairNamesBecomeUnifiedSymbols() {
        #expect(KrakenAssets.unifiedAsset("XXBT") == "BTC")
        #expect(KrakenAssets.unifiedAsset("ZEUR") == "EUR")
        #expect(KrakenAssets.unifiedAsset("XBT") == "BTC")
        #expect(KrakenAssets.unifiedAsset("XXDG") == "DOGE")
        #expect(KrakenAssets.unifiedAsset("SOL") == "SOL")
        #expect(KrakenAssets.unifiedSymbol(wsname: "XBT/EUR") == "BTC/EUR")
        #expect(KrakenAssets.fallbackAltname("BTC/EUR") == "XBTEUR")
        #expect(KrakenAssets.fallbackAltname("DOGE/USD") == "XDGUSD")
    }

    @Test func assetPairRulesBecomeInstrumentRules() throws {
        let json = try KrakenJSON.parse(Data(#"""
        {"altname":"XBTEUR","wsname":"XBT/EUR","base":"XXBT","quote":"ZEUR","pair_decimals":1,"lot_decimals":8,
         "ordermin":"0.0001","costmin":"0.5","tick_size":"0.1","status":"online"}
        """#.utf8))
        let pair = try KrakenAssetPair(key: "XXBTZEUR", json: json)
        #expect(pair.symbol == "BTC/EUR")
        let instrument = pair.instrument
        #expect(instrument.symbol == "BTC/EUR")
        #expect(instrument.base == "BTC")
        #expect(instrument.quote == "EUR")
        #expect(instrument.tickSize == Fixed("0.1")!)
        #expect(instrument.lotSize == Fixed("0.00000001")!)
        #expect(instrument.minQuantity == Fixed("0.0001")!)
        #expect(instrument.minNotional == Fixed("0.5")!)
        let table = KrakenPairTable([pair])
        #expect(table.pair(symbol: "BTC/EUR")?.altname == "XBTEUR")
        #expect(table.symbol(krakenName: "XXBTZEUR") == "BTC/EUR")
        #expect(table.symbol(krakenName: "XBT/EUR") == "BTC/EUR")
    }

    @Test func tickSizeFallsBackToPairDecimals() throws {
        let json = try KrakenJSON.parse(Data(#"{"altname":"SOLEUR","base":"SOL","quote":"ZEUR","pair_decimals":2,"lot_decimals":8}"#.utf8))
        let pair = try KrakenAssetPair(key: "SOLEUR", json: json)
        #expect(pair.tickSize == Fixed("0.01")!)
        #expect(pair.instrument.minQuantity == Fixed("0.00000001")!)
    }

    @Test func aPairWithoutDecimalsNamesThePairAndField() throws {
        let json = try KrakenJSON.parse(Data(#"{"altname":"XBTEUR","base":"XXBT","quote":"ZEUR","lot_decimals":8}"#.utf8))
        #expect(throws: KrakenDecodingError.self) { try KrakenAssetPair(key: "XXBTZEUR", json: json) }
        do { _ = try KrakenAssetPair(key: "XXBTZEUR", json: json) } catch {
            #expect(error.description.hasPrefix("kraken: AssetPairs.XXBTZEUR: field 'pair_decimals' is missing or malformed"))
        }
    }

    @Test func orderRequestsBecomeKrakenOrderTypes() throws {
        let stop = OrderRequest(clientOrderId: "s1", symbol: "BTC/USD", side: .sell, type: .stopLimit, quantity: Fixed("0.5")!,
                                limitPrice: Fixed(29_000), stopPrice: Fixed(29_500))
        let p = try KrakenOrderMapping.parameters(for: stop, pair: "XBTUSD").get()
        #expect(p.orderType == "stop-loss-limit")
        #expect(p.price == Fixed(29_500))
        #expect(p.price2 == Fixed(29_000))
        #expect(KrakenForm.encode(p.fields) == "ordertype=stop-loss-limit&type=sell&volume=0.5&pair=XBTUSD&price=29500&price2=29000"
                + "&cl_ord_id=s1&userref=\(KrakenOrderMapping.userref(for: "s1"))")
        let tp = OrderRequest(clientOrderId: "t", symbol: "BTC/USD", side: .sell, type: .takeProfit, quantity: 1, stopPrice: 40_000)
        #expect(try KrakenOrderMapping.parameters(for: tp, pair: "XBTUSD").get().orderType == "take-profit")
        let fok = OrderRequest(clientOrderId: "f", symbol: "BTC/USD", side: .buy, type: .limit, quantity: 1, limitPrice: 1, timeInForce: .fok)
        #expect(throws: KrakenOrderMapping.RejectReason.self) { try KrakenOrderMapping.parameters(for: fok, pair: "XBTUSD").get() }
    }

    @Test func rfc3339TimestampsParseToNanoseconds() {
        #expect(KrakenTime.nanos(rfc3339: "1970-01-01T00:00:00Z") == 0)
        #expect(KrakenTime.nanos(rfc3339: "2023-09-25T07:49:37.708706Z") == 1_695_628_177_708_706_000)
        #expect(KrakenTime.nanos(rfc3339: "2024-02-29T23:59:59.123456789Z") == 1_709_251_199_123_456_789)
        #expect(KrakenTime.nanos(rfc3339: "2024-02-29 23:59:59Z") == nil)
    }
}
