import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import Exchanges

@Suite struct KrakenRESTTests {
    @Test func assetPairsListEveryPairWithItsRules() async throws {
        try await withFakeKraken { server in
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let table = try await rest.assetPairs()
            #expect(table.pairs.map(\.symbol) == ["SOL/EUR", "ETH/USD", "BTC/EUR", "BTC/USD"])
            let eth = try #require(table.pair(symbol: "ETH/USD"))
            #expect(eth.key == "XETHZUSD")
            #expect(eth.instrument.tickSize == Fixed("0.01")!)
            #expect(eth.instrument.minQuantity == Fixed("0.002")!)
        }
    }

    @Test func tickerAndDepthReportTheMarketAroundTheSetPrice() async throws {
        try await withFakeKraken { server in
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let ticker = try await rest.ticker(pair: "XBTUSD")
            #expect(ticker.pair == "XXBTZUSD")
            #expect(ticker.ask == Fixed("30000.1")!)
            #expect(ticker.bid == Fixed("29999.9")!)
            #expect(ticker.last == Fixed(30_000))
            let book = try await rest.depth(pair: "XBTUSD", count: 3)
            #expect(book.asks.map(\.price) == [Fixed("30000.1")!, Fixed("30000.2")!, Fixed("30000.3")!])
            #expect(book.bids.map(\.price) == [Fixed("29999.9")!, Fixed("29999.8")!, Fixed("29999.7")!])
            #expect(book.bids.map(\.quantity) == [Fixed(1), Fixed(2), Fixed(3)])
        }
    }

    @Test func ohlcAggregatesTradesAndTradesPageWithTheLastCursor() async throws {
        try await withFakeKraken { server in
            let t0 = minuteStart(minutesAgo: 5)
            server.recordPublicTrades([
                trade(price: "100", volume: "1", atMillis: t0 + 1_000),
                trade(price: "105", volume: "2", atMillis: t0 + 2_000),
                trade(price: "99", volume: "0.5", atMillis: t0 + 3_000, side: .sell),
                trade(price: "101", volume: "1", atMillis: t0 + 61_000),
            ], pair: "XBTUSD")
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let ohlc = try await rest.ohlc(pair: "XBTUSD", intervalMinutes: 1)
            #expect(ohlc.bars == [Bar(time: t0, open: 100, high: 105, low: 99, close: 99, volume: 3.5),
                                  Bar(time: t0 + 60_000, open: 101, high: 101, low: 101, close: 101, volume: 1)])
            #expect(ohlc.last == (t0 + 60_000) / 1000)
            let first = try await rest.trades(pair: "XBTUSD", since: String((t0 - 1) * 1_000_000), count: 2)
            #expect(first.trades.map(\.id) == [1, 2])
            #expect(first.trades[0].timeNanos == (t0 + 1_000) * 1_000_000)
            #expect(first.last == String((t0 + 2_000) * 1_000_000))
            let second = try await rest.trades(pair: "XBTUSD", since: first.last, count: 2)
            #expect(second.trades.map(\.id) == [3, 4])
            #expect(second.trades[0].side == .sell)
        }
    }

    @Test func balanceReportsEveryAssetExactly() async throws {
        try await withFakeKraken { server in
            server.setBalance(Fixed("1234.5678")!, asset: "ZUSD")
            server.setBalance(Fixed("0.00000001")!, asset: "XXBT")
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            #expect(try await rest.balance() == ["ZUSD": Fixed("1234.5678")!, "XXBT": Fixed("0.00000001")!])
        }
    }

    @Test func aWrongSecretIsAnAuthenticationError() async throws {
        try await withFakeKraken { server in
            var configuration = krakenConfiguration(server)
            configuration.credentials = try KrakenCredentials(apiKey: server.apiKey, apiSecret: Data(repeating: 7, count: 64).base64EncodedString())
            let rest = try KrakenRESTClient(configuration: configuration)
            await #expect(throws: ExchangeError(kind: .authentication, venue: "kraken", code: "EAPI:Invalid signature",
                                                message: "Balance: EAPI:Invalid signature")) {
                try await rest.balance()
            }
        }
    }

    @Test func injectedVenueErrorsArriveAsTypedErrors() async throws {
        try await withFakeKraken { server in
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            server.injectError("EService:Busy", method: "Balance")
            server.injectError("EGeneral:Invalid arguments", method: "OpenOrders")
            server.injectError("EQuery:Unknown asset pair", method: "public/Ticker")
            await #expect(throws: ExchangeError(kind: .unavailable, venue: "kraken", code: "EService:Busy",
                                                message: "Balance: EService:Busy")) { try await rest.balance() }
            await #expect(throws: ExchangeError(kind: .invalidRequest, venue: "kraken", code: "EGeneral:Invalid arguments",
                                                message: "OpenOrders: EGeneral:Invalid arguments")) { try await rest.openOrders() }
            await #expect(throws: ExchangeError(kind: .invalidRequest, venue: "kraken", code: "EQuery:Unknown asset pair",
                                                message: "Ticker: EQuery:Unknown asset pair")) { try await rest.ticker(pair: "XBTUSD") }
            // The errors were one-shot: the next calls succeed.
            #expect(try await rest.balance() == [:])
        }
    }

    @Test func oneInvalidNonceIsRetriedWithAFreshNonce() async throws {
        try await withFakeKraken { server in
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            server.injectError("EAPI:Invalid nonce", method: "Balance")
            #expect(try await rest.balance() == [:])
            #expect(server.privateCalls == ["Balance", "Balance"])
        }
    }

    @Test func noncesPersistAcrossRestartsSoABackwardsClockIsNoProblem() async throws {
        try await withFakeKraken { server in
            let file = temporaryFile("nonce")
            defer { try? FileManager.default.removeItem(at: file) }
            let before = try KrakenRESTClient(configuration: krakenConfiguration(server),
                                              nonces: KrakenNonceSource(file: file, nowMicros: { 2_000_000 }))
            _ = try await before.balance()
            #expect(server.lastNonce == 2_000_000)
            // "Restart" with the clock an hour behind: the persisted mark keeps nonces increasing.
            let after = try KrakenRESTClient(configuration: krakenConfiguration(server),
                                             nonces: KrakenNonceSource(file: file, nowMicros: { 1_000_000 }))
            _ = try await after.balance()
            #expect(server.lastNonce == 2_000_001)
            // Without the file the same restart reuses old nonces and the venue refuses them.
            let forgetful = try KrakenRESTClient(configuration: krakenConfiguration(server),
                                                 nonces: KrakenNonceSource(nowMicros: { 1_000_000 }))
            await #expect(throws: ExchangeError(kind: .clockSkew, venue: "kraken", code: "EAPI:Invalid nonce",
                                                message: "Balance: EAPI:Invalid nonce")) { try await forgetful.balance() }
            #expect(server.nonceRejections == 2)
        }
    }

    @Test func privateCallsWithoutCredentialsFailBeforeSending() async throws {
        try await withFakeKraken { server in
            var configuration = krakenConfiguration(server)
            configuration.credentials = nil
            let rest = try KrakenRESTClient(configuration: configuration)
            do {
                _ = try await rest.balance()
                Issue.record("expected an error")
            } catch let error as ExchangeError {
                #expect(error.kind == .authentication)
                #expect(error.message.contains("exchanges.kraken.api_key"))
            }
            #expect(server.privateCalls.isEmpty)
        }
    }

    @Test func wsTokenIsIssued() async throws {
        try await withFakeKraken { server in
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            let token = try await rest.webSocketsToken()
            #expect(token.hasPrefix("fake-token-"))
        }
    }
}
