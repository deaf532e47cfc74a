import Exchanges
import Foundation
import Testing
@testable import TradingApp

@Suite struct ExchangeSettingsTests {
    private func options(_ arguments: [String]) throws -> ExchangeConnectionOptions {
        try ExchangeConnectionOptions.parse(arguments)
    }

    @Test func environmentKeysWinOverTheConfigFileAndOptionsWinOverBoth() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let file = try dir.write("graphwiz.yaml", """
            exchanges:
              binance:
                api_key: file-key
                api_secret: file-secret
                testnet: false
                base_url: http://127.0.0.1:7000

            """)
        let fromFile = try options(["--exchange", "binance", "--config", file]).settings(environment: [:])
        #expect(fromFile.apiKey == "file-key")
        #expect(fromFile.apiSecret == "file-secret")
        #expect(fromFile.testnet == false)
        #expect(fromFile.restBaseURL == "http://127.0.0.1:7000")
        let fromEnvironment = try options(["--exchange", "binance", "--config", file, "--base-url", "http://127.0.0.1:9000"])
            .settings(environment: ["BINANCE_API_KEY": "env-key", "BINANCE_API_SECRET": "env-secret"])
        #expect(fromEnvironment.apiKey == "env-key")
        #expect(fromEnvironment.apiSecret == "env-secret")
        #expect(fromEnvironment.restBaseURL == "http://127.0.0.1:9000")
        let configuration = ExchangeFactory.binanceConfiguration(fromEnvironment)
        #expect(configuration.webSocketBaseURL == "ws://127.0.0.1:9000")
    }

    @Test func testnetFlagSelectsTheTestnetAndKrakenHasNoAdapterYet() throws {
        let settings = try options(["--exchange", "binance", "--testnet"]).settings(environment: [:])
        #expect(ExchangeFactory.binanceConfiguration(settings).restBaseURL == "https://testnet.binance.vision")
        let kraken = try options(["--exchange", "kraken"]).settings(environment: ["KRAKEN_API_KEY": "k"])
        #expect(kraken.apiKey == "k")
        #expect(throws: ExchangeFactoryError.self) { _ = try ExchangeFactory.exchange(kraken) }
        #expect(throws: (any Error).self) { _ = try options(["--exchange", "ftx"]) }
    }
}
