import Exchanges
import Foundation
import Logging
import Testing
import TradingModel
import VenueFakes
@testable import TradingApp

/// A log handler that keeps every rendered line (message and metadata) for inspection.
struct CapturingLogHandler: LogHandler {
    let lines: Locked<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.withLock { $0.append("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })") }
    }
}

@Suite struct ExchangeCommandTests {
    static let key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let environment = ["BINANCE_API_KEY": key, "BINANCE_API_SECRET": secret]

    private func withServer(_ body: (FakeBinanceServer) async throws -> Void) async throws {
        let server = try await FakeBinanceServer.start(apiKey: Self.key, apiSecret: Self.secret)
        do { try await body(server) } catch { await server.stop(); throw error }
        await server.stop()
    }

    private func parse<C>(_ arguments: [String], as type: C.Type) throws -> C {
        try DataTestDirectory.parse(arguments, as: type)
    }

    @Test func exchangeGroupIsRegisteredWithItsSubcommands() {
        #expect(ExchangeCommand.configuration.subcommands.map { $0.configuration.commandName }
            == ["markets", "balance", "orders", "order", "cancel", "fake"])
        #expect(GraphwizCommand.configuration.subcommands.map { $0.configuration.commandName }.contains("exchange"))
    }

    @Test func marketsListsTheVenueRules() async throws {
        try await withServer { server in
            let output = try await parse(["exchange", "markets", "--exchange", "binance", "--base-url", server.baseURL],
                                         as: ExchangeMarkets.self).perform(environment: [:])
            #expect(output.text == """
                binance: 2 markets
                symbol      tick        lot         min qty     min notional
                BTC/USDT    0.01        0.00001     0.00001     5
                ETH/USDT    0.01        0.0001      0.0001      5

                """)
        }
    }

    @Test func orderListCancelAndBalanceEndToEndNeverRevealTheKeys() async throws {
        try await withServer { server in
            let lines = Locked<[String]>([])
            let logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
            let base = ["--exchange", "binance", "--base-url", server.baseURL]
            let placed = try await parse(["exchange", "order"] + base + ["--symbol", "BTC/USDT", "--side", "buy", "--type",
                                          "limit", "--quantity", "0.01", "--price", "40000", "--client-id", "cli-1", "--yes"],
                                         as: ExchangePlaceOrder.self).perform(environment: Self.environment, logger: logger)
            #expect(placed.text == """
                Placed BUY LIMIT 0.01 BTC/USDT @ 40000 on binance as cli-1.
                Status accepted, venue id 1001, filled 0.

                """)
            let orders = try await parse(["exchange", "orders"] + base, as: ExchangeOrders.self)
                .perform(environment: Self.environment, logger: logger)
            #expect(orders.text == """
                binance: 1 open order
                cli-1 BTC/USDT buy limit 0.01 @ 40000 accepted filled 0 (venue id 1001)

                """)
            let balance = try await parse(["exchange", "balance"] + base, as: ExchangeBalance.self)
                .perform(environment: Self.environment, logger: logger)
            #expect(balance.text == """
                binance: 3 assets
                BTC: free 1, locked 0, total 1
                ETH: free 10, locked 0, total 10
                USDT: free 99600, locked 400, total 100000

                """)
            let canceled = try await parse(["exchange", "cancel"] + base + ["--symbol", "BTC/USDT", "--id", "cli-1"],
                                           as: ExchangeCancel.self).perform(environment: Self.environment, logger: logger)
            #expect(canceled.text == "Canceled cli-1 on BTC/USDT at binance.\n")
            let again = try await parse(["exchange", "cancel"] + base + ["--symbol", "BTC/USDT", "--id", "cli-1"],
                                        as: ExchangeCancel.self).perform(environment: Self.environment, logger: logger)
            #expect(again.exitCode == 1)
            #expect(again.text.hasPrefix("Not canceled: cli-1 on BTC/USDT: binance: unknown_order (-2011)"))
            let market = try await parse(["exchange", "order"] + base + ["--symbol", "BTC/USDT", "--side", "sell", "--type",
                                          "market", "--quantity", "0.1", "--client-id", "cli-2", "--yes"],
                                         as: ExchangePlaceOrder.self).perform(environment: Self.environment, logger: logger)
            #expect(market.text == """
                Placed SELL MARKET 0.1 BTC/USDT on binance as cli-2.
                Status filled, venue id 1002, filled 0.1 at average 50000.

                """)
            let captured = lines.value
            #expect(captured.count >= 10)
            #expect(captured.contains { $0.contains("endpoint=POST /api/v3/order") })
            for text in captured + [placed.text, orders.text, balance.text, canceled.text, market.text] {
                #expect(!text.contains(Self.key))
                #expect(!text.contains(Self.secret))
            }
        }
    }

    @Test func orderWithoutYesAsksAndDoesNothingWhenNotConfirmed() async throws {
        try await withServer { server in
            let prompts = Locked<[String]>([])
            let output = try await parse(["exchange", "order", "--exchange", "binance", "--base-url", server.baseURL,
                                          "--symbol", "BTC/USDT", "--side", "buy", "--quantity", "0.01", "--price", "40000",
                                          "--client-id", "ask-1"], as: ExchangePlaceOrder.self)
                .perform(environment: Self.environment, confirm: { prompt in prompts.withLock { $0.append(prompt) }; return false })
            #expect(output.exitCode == 1)
            #expect(output.text == "Not placed: BUY LIMIT 0.01 BTC/USDT @ 40000 on binance as ask-1 (confirm, or pass --yes).\n")
            #expect(prompts.value == ["About to place a REAL order: BUY LIMIT 0.01 BTC/USDT @ 40000 on binance as ask-1."])
            let orders = await server.state.allOrders()
            #expect(orders.isEmpty, "\(orders)")
        }
    }

    @Test func rejectedOrderExitsWithOne() async throws {
        try await withServer { server in
            let output = try await parse(["exchange", "order", "--exchange", "binance", "--base-url", server.baseURL,
                                          "--symbol", "BTC/USDT", "--side", "buy", "--type", "market", "--quantity", "5",
                                          "--client-id", "big-1", "--yes"], as: ExchangePlaceOrder.self)
                .perform(environment: Self.environment)
            #expect(output.exitCode == 1)
            #expect(output.text == "Rejected: BUY MARKET 5 BTC/USDT on binance as big-1: binance: insufficient_funds (-2010): "
                + "POST /api/v3/order: Account has insufficient balance for requested action.\n")
        }
    }

    @Test func accountCommandsRefuseWithoutKeysAndNameTheVariables() async throws {
        let command = try parse(["exchange", "balance", "--exchange", "binance", "--base-url", "http://127.0.0.1:1"],
                                as: ExchangeBalance.self)
        await #expect(throws: ExchangeCommandError.self) { _ = try await command.perform(environment: [:]) }
        do { _ = try await command.perform(environment: [:]) } catch {
            #expect("\(error)" == "binance: this command needs API keys; set BINANCE_API_KEY and BINANCE_API_SECRET, "
                + "or exchanges.binance.api_key/api_secret in --config")
        }
        #expect(throws: (any Error).self) { try GraphwizCommand.parseAsRoot(["exchange", "markets", "--exchange", "ftx"]) }
    }

    @Test func downloadPaginatesValidatesStoresAndResumes() async throws {
        try await withServer { server in
            let dir = try DataTestDirectory()
            defer { dir.remove() }
            let db = dir.path("bars.sqlite")
            let t0: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
            func bar(_ i: Int64) -> Bar {
                Bar(time: t0 + i * 60_000, open: 100, high: 110, low: 99, close: 100 + Double(i % 7), volume: Double(i))
            }
            await server.state.setKlines("BTCUSDT", interval: "1m", bars: (0..<2500).map(bar))
            let first = try await parse(["data", "download", "--exchange", "binance", "--base-url", server.baseURL,
                                         "--symbol", "BTC/USDT", "--timeframe", "1m", "--from", "2024-01-01",
                                         "--to", "2024-01-03", "--db", db], as: DataDownload.self).perform(environment: [:])
            #expect(first.text == """
                Downloaded 2500 1m bars of BTC/USDT from binance in 3 requests: 2024-01-01T00:00:00Z to 2024-01-02T17:39:00Z.
                Stored in \(db).

                """)
            #expect(try await DataTestDirectory.storedBars(db, symbol: "BTC/USDT", timeframe: .oneMinute) == (0..<2500).map(bar))
            let klineRequests = await server.state.requestLog.filter { $0 == "GET /api/v3/klines" }.count
            #expect(klineRequests == 3)

            await server.state.setKlines("BTCUSDT", interval: "1m", bars: (0..<3000).map(bar))
            let second = try await parse(["data", "download", "--exchange", "binance", "--base-url", server.baseURL,
                                          "--symbol", "BTC/USDT", "--timeframe", "1m", "--from", "2024-01-01",
                                          "--to", "2024-01-04", "--db", db], as: DataDownload.self).perform(environment: [:])
            #expect(second.text == """
                Resuming BTC/USDT 1m after the last stored bar, from 2024-01-02T17:40:00Z.
                Downloaded 500 1m bars of BTC/USDT from binance in 1 request: 2024-01-02T17:40:00Z to 2024-01-03T01:59:00Z.
                Stored in \(db).

                """)
            #expect(try await DataTestDirectory.storedBars(db, symbol: "BTC/USDT", timeframe: .oneMinute) == (0..<3000).map(bar))
            let third = try await parse(["data", "download", "--exchange", "binance", "--base-url", server.baseURL,
                                         "--symbol", "BTC/USDT", "--timeframe", "1m", "--from", "2024-01-01",
                                         "--to", "2024-01-04", "--db", db], as: DataDownload.self).perform(environment: [:])
            #expect(third.text == """
                Resuming BTC/USDT 1m after the last stored bar, from 2024-01-03T02:00:00Z.
                No new bars: binance returned none for BTC/USDT 1m from 2024-01-03T02:00:00Z.

                """)
            let covered = try await parse(["data", "download", "--exchange", "binance", "--base-url", server.baseURL,
                                           "--symbol", "BTC/USDT", "--timeframe", "1m", "--from", "2024-01-01T10:00:00Z",
                                           "--to", "2024-01-02", "--db", db], as: DataDownload.self).perform(environment: [:])
            #expect(covered.text == "Nothing to do: BTC/USDT 1m in \(db) already covers the range.\n")
        }
    }

    @Test func downloadRefusesAPageWithInvalidBars() async throws {
        try await withServer { server in
            let dir = try DataTestDirectory()
            defer { dir.remove() }
            let t0: Int64 = 1_704_067_200_000
            var bars = (0..<10).map { Bar(time: t0 + Int64($0) * 60_000, open: 100, high: 101, low: 99, close: 100, volume: 1) }
            bars[4].high = 90
            await server.state.setKlines("BTCUSDT", interval: "1m", bars: bars)
            let command = try parse(["data", "download", "--exchange", "binance", "--base-url", server.baseURL,
                                     "--symbol", "BTC/USDT", "--timeframe", "1m", "--from", "2024-01-01",
                                     "--to", "2024-01-02", "--db", dir.path("x.sqlite")], as: DataDownload.self)
            do {
                _ = try await command.perform(environment: [:])
                Issue.record("an invalid page was stored")
            } catch {
                #expect("\(error)".hasPrefix("binance BTC/USDT 1m: page from 2024-01-01T00:00:00Z failed validation: "))
            }
        }
    }
}
