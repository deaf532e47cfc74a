import Exchanges
import Foundation
import Logging
import Testing
import TradingModel
import VenueFakes
@testable import TradingApp

/// The `exchange` and `data download` commands against a fake Kraken on 127.0.0.1.
@Suite struct ExchangeKrakenCommandTests {
    private func withKraken(_ body: (FakeKrakenServer) async throws -> Void) async throws {
        let server = FakeKrakenServer()
        try await server.start()
        do { try await body(server) } catch { await server.stop(); throw error }
        await server.stop()
    }

    private func environment(_ server: FakeKrakenServer) -> [String: String] {
        ["KRAKEN_API_KEY": server.apiKey, "KRAKEN_API_SECRET": server.apiSecret]
    }

    @Test func marketsListsKrakenPairsWithTheirRules() async throws {
        try await withKraken { server in
            let output = try await DataTestDirectory.parse(["exchange", "markets", "--exchange", "kraken", "--base-url",
                                                            server.restBaseURL], as: ExchangeMarkets.self).perform(environment: [:])
            #expect(output.text == """
                kraken: 4 markets
                symbol      tick        lot         min qty     min notional
                BTC/EUR     0.1         0.00000001  0.0001      0.5
                BTC/USD     0.1         0.00000001  0.0001      0.5
                ETH/USD     0.01        0.00000001  0.002       0.5
                SOL/EUR     0.01        0.00000001  0.02        0.5

                """)
        }
    }

    @Test func placeListCancelAndBalanceOnKraken() async throws {
        try await withKraken { server in
            server.setPrice(Fixed(50_000), pair: "XBTUSD")
            server.setBalance(Fixed(10_000), asset: "ZUSD")
            let base = ["--exchange", "kraken", "--base-url", server.restBaseURL]
            let placed = try await DataTestDirectory.parse(["exchange", "order"] + base + ["--symbol", "BTC/USD", "--side", "buy",
                                                            "--type", "limit", "--quantity", "0.01", "--price", "40000",
                                                            "--client-id", "kr-cli-1", "--yes"], as: ExchangePlaceOrder.self)
                .perform(environment: environment(server))
            #expect(placed.text == """
                Placed BUY LIMIT 0.01 BTC/USD @ 40000 on kraken as kr-cli-1.
                Status accepted, venue id O00000-00001-ORDER, filled 0.

                """)
            let orders = try await DataTestDirectory.parse(["exchange", "orders"] + base, as: ExchangeOrders.self)
                .perform(environment: environment(server))
            #expect(orders.text == """
                kraken: 1 open order
                kr-cli-1 BTC/USD buy limit 0.01 @ 40000 accepted filled 0 (venue id O00000-00001-ORDER)

                """)
            _ = try await DataTestDirectory.parse(["exchange", "cancel"] + base + ["--symbol", "BTC/USD", "--id", "kr-cli-1"],
                                                  as: ExchangeCancel.self).perform(environment: environment(server))
            #expect(server.orders.map(\.status) == ["canceled"])
            let after = try await DataTestDirectory.parse(["exchange", "orders"] + base, as: ExchangeOrders.self)
                .perform(environment: environment(server))
            #expect(after.text == "kraken: 0 open orders\n")
            let balance = try await DataTestDirectory.parse(["exchange", "balance"] + base, as: ExchangeBalance.self)
                .perform(environment: environment(server))
            #expect(balance.text == "kraken: 1 asset\nUSD: free 10000, locked 0, total 10000\n")
        }
    }

    @Test func privateCommandsRefuseWithoutKrakenKeys() async throws {
        try await withKraken { server in
            let command = try DataTestDirectory.parse(["exchange", "balance", "--exchange", "kraken", "--base-url", server.restBaseURL],
                                                      as: ExchangeBalance.self)
            await #expect(throws: ExchangeCommandError.self) { try await command.perform(environment: [:]) }
            #expect(server.privateCalls.isEmpty)
        }
    }

    @Test func downloadBuildsKrakenBarsFromPaginatedTrades() async throws {
        try await withKraken { server in
            let dir = try DataTestDirectory()
            defer { dir.remove() }
            let db = dir.path("kraken.sqlite")
            let t0: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
            var trades: [FakeKrakenPublicTrade] = []
            for m in Int64(0)..<40 {
                trades.append(FakeKrakenPublicTrade(id: 0, price: Fixed(Int(100 + m)), volume: Fixed(1),
                                                    timeNanos: (t0 + m * 60_000 + 5_000) * 1_000_000, side: .buy))
                trades.append(FakeKrakenPublicTrade(id: 0, price: Fixed(Int(100 + m)) + Fixed("0.5")!, volume: Fixed(2),
                                                    timeNanos: (t0 + m * 60_000 + 35_000) * 1_000_000, side: .sell))
            }
            server.recordPublicTrades(trades, pair: "XBTEUR")
            let output = try await DataTestDirectory.parse(["data", "download", "--exchange", "kraken", "--base-url", server.restBaseURL,
                                                            "--symbol", "BTC/EUR", "--timeframe", "1m", "--from", "2024-01-01",
                                                            "--to", "2024-01-01T00:29:00Z", "--db", db], as: DataDownload.self)
                .perform(environment: [:])
            #expect(output.text == """
                Downloaded 30 1m bars of BTC/EUR from kraken in 1 request: 2024-01-01T00:00:00Z to 2024-01-01T00:29:00Z.
                Stored in \(db).

                """)
            let expected = (Int64(0)..<30).map { (m: Int64) -> Bar in
                let low = Double(100 + m)
                let time: Int64 = t0 + m * 60_000
                return Bar(time: time, open: low, high: low + 0.5, low: low, close: low + 0.5, volume: 3)
            }
            #expect(try await DataTestDirectory.storedBars(db, symbol: "BTC/EUR", timeframe: .oneMinute) == expected)
        }
    }
}
