import Exchanges
import Foundation
import Testing
import TradingCore
import TradingModel
@testable import TradingApp

/// `graphwiz exchange fake` in its own process: the options a demo needs (partial fills, BNB fees, starting
/// balances) reach the venue, and bad values are refused naming the option.
@Suite("graphwiz exchange fake")
struct ExchangeFakeCommandTests {
    static let key = "fake-command-key"
    static let secret = "fake-command-secret"

    @Test("--bnb-fees and --balance: a spawned fake Binance charges a buy's commission in BNB from the BNB it was given")
    func bnbFeesAndBalances() async throws {
        let fake = try GraphwizProcess("exchange", arguments: ["fake", "--exchange", "binance", "--port", "0",
                                                               "--bnb-fees", "600", "--balance", "BNB=10", "--balance", "usdt=5000"],
                                       environment: ["BINANCE_API_KEY": Self.key, "BINANCE_API_SECRET": Self.secret])
        defer { fake.signal(SIGTERM) }
        #expect(await fake.waitForLog("fake binance listening on http://127.0.0.1:", seconds: 60), "log: \(fake.log)")
        let base = try #require(Self.baseURL(fake.log, "fake binance"))
        let exchange = BinanceExchange(configuration: BinanceConfiguration(apiKey: Self.key, apiSecret: Self.secret,
                                                                           restBaseURL: base, requestTimeout: .seconds(20)))
        let before = try await exchange.balances()
        #expect(before.first { $0.asset == "USDT" }?.free == Fixed(5_000))
        #expect(before.first { $0.asset == "BNB" }?.free == Fixed(10))
        var events = exchange.events.makeAsyncIterator()
        try await exchange.submit(OrderRequest(clientOrderId: "bnb-1", symbol: "BTC/USDT", side: .buy, quantity: Fixed("0.01")!))
        var fill: Fill?
        while fill == nil, let event = await events.next() { if case let .filled(f) = event { fill = f } }
        let charged = try #require(fill)
        #expect(charged.feeAsset == "BNB")
        #expect(charged.feeAmount.isPositive)
        let after = try await exchange.balances()
        #expect(after.first { $0.asset == "BNB" }?.free == Fixed(10) - charged.feeAmount)
        #expect(await fake.stop(SIGTERM, seconds: 20) == 0, "log: \(fake.log)")
    }

    @Test("a spawned fake Kraken serves the balances it was given to a signed Balance call, and stops on SIGTERM")
    func krakenInItsOwnProcess() async throws {
        let secret = Data("fake-kraken-command-secret".utf8).base64EncodedString()
        let fake = try GraphwizProcess("exchange", arguments: ["fake", "--exchange", "kraken", "--port", "0", "--balance", "ZUSD=1234.5"],
                                       environment: ["KRAKEN_API_KEY": Self.key, "KRAKEN_API_SECRET": secret])
        defer { fake.signal(SIGTERM) }
        #expect(await fake.waitForLog("fake kraken listening on http://127.0.0.1:", seconds: 60), "log: \(fake.log)")
        let base = try #require(Self.baseURL(fake.log, "fake kraken"))
        let exchange = try KrakenExchange(configuration: KrakenConfiguration(
            restBaseURL: base, webSocketURL: base.replacingOccurrences(of: "http", with: "ws") + "/v2",
            credentials: try KrakenCredentials(apiKey: Self.key, apiSecret: secret), requestTimeout: 20))
        #expect(try await exchange.balances().first { $0.asset == "USD" }?.free == Fixed("1234.5")!)
        #expect(await fake.stop(SIGTERM, seconds: 20) == 0, "log: \(fake.log)")
    }

    /// The REST base URL a fake announced (`<name> listening on http://127.0.0.1:<port> ...`).
    static func baseURL(_ log: String, _ name: String) -> String? {
        log.split(separator: "\n").first { $0.contains("\(name) listening on") }?
            .split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init)
    }

    @Test("bad --bnb-fees and --balance values are refused with the option and what is expected")
    func badValuesAreRefused() throws {
        func refusal(_ arguments: [String]) -> String {
            do {
                _ = try DataTestDirectory.parse(["exchange", "fake"] + arguments, as: ExchangeFake.self)
                return "accepted"
            } catch {
                return GraphwizCommand.message(for: error)
            }
        }
        #expect(refusal(["--bnb-fees", "free"]).contains("--bnb-fees must be a positive price (BNB in the quote asset, e.g. 600), got 'free'"))
        #expect(refusal(["--exchange", "kraken", "--bnb-fees", "600"]).contains("--bnb-fees is a Binance setting; --exchange is kraken"))
        #expect(refusal(["--balance", "BNB"]).contains("--balance 'BNB' must be ASSET=AMOUNT with an amount of zero or more, e.g. BNB=10"))
        #expect(refusal(["--balance", "BNB=-1"]).contains("--balance 'BNB=-1' must be ASSET=AMOUNT"))
        #expect(refusal(["--balance", "BNB=2", "--bnb-fees", "600"]) == "accepted")
    }
}
