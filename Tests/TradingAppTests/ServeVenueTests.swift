import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import Persistence
import Testing
import TradingAPI
import TradingCore
import TradingModel
import VenueFakes
@testable import TradingApp

/// `graphwiz serve --mode paper|live` on the real venue adapters, spawned against fake venues on 127.0.0.1 (the
/// config's `exchanges.<venue>.base_url` points at them): bars arrive from the venue's feed, an order placed with
/// `POST /api/v1/orders` reaches the venue exactly once in live mode and never in paper mode, SIGTERM exits 0.
@Suite("serve: paper and live on the venue adapters", .serialized)
struct ServeVenueTests {
    static let jwtSecret = "serve-venue-jwt-secret-0123456789abcdefghij"
    static let binanceKey = "serve-binance-key"
    static let binanceSecret = "serve-binance-secret"

    static func config(venue: String, symbol: String, baseURL: String) -> String {
        """
        trading:
          mode: paper
          symbols: [\(symbol)]
          timeframe: 1m
          strategies:
            - name: sma_cross
              params: {fast: 5, slow: 30}
              sizing: fraction:0.1
        exchanges:
          \(venue):
            enabled: true
            testnet: false
            api_key: ${\(venue.uppercased())_API_KEY:-}
            api_secret: ${\(venue.uppercased())_API_SECRET:-}
            base_url: \(baseURL)
        """
    }

    /// A spawned service with its API base URL and a trader token.
    struct Service {
        let process: GraphwizProcess
        let base: String
        let token: String

        static func start(mode: String, config: String, db: String, environment: [String: String],
                          extra: [String] = []) async throws -> Service {
            var env = environment
            env["GRAPHWIZ_SECURITY__JWT_SECRET"] = ServeVenueTests.jwtSecret
            let process = try GraphwizProcess("serve", arguments: ["--config", config, "--mode", mode, "--db", db,
                                                                   "--http-port", "0", "--metrics-port", "0"] + extra,
                                              environment: env)
            #expect(await process.waitForLog("dashboard and API on", seconds: 60), "log: \(process.log)")
            let port = try #require(ServeHTTP.port(after: "dashboard and API on http://127.0.0.1:", in: process.log),
                                    "log: \(process.log)")
            let token = try await APITokenIssuer(secret: ServeVenueTests.jwtSecret)
                .issue(subject: "serve-venue-test", role: .trader, ttl: 600)
            return Service(process: process, base: "http://127.0.0.1:\(port)", token: token)
        }

        /// Waits until every session has a bar from `venue` (the `exchange_feed` component of `/ready`).
        func waitForBars(venue: String, seconds: Double = 60) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, process.process.isRunning {
                let ready = try await ServeHTTP.get("\(base)/ready")
                if ready.body.contains("bars from"), ready.body.contains(venue) { return true }
                try await Task.sleep(for: .milliseconds(200))
            }
            return false
        }

        /// `POST /api/v1/orders` with a trader token.
        func placeOrder(_ json: String) async throws -> (status: UInt, body: String) {
            var request = HTTPClientRequest(url: "\(base)/api/v1/orders")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (response.status.code, String(buffer: body))
        }

        /// The body of `GET /api/v1/orders`.
        func orders() async throws -> String {
            try await ServeHTTP.get("\(base)/api/v1/orders", token: token).body
        }
    }

    private func withBinance(_ body: (FakeBinanceServer) async throws -> Void) async throws {
        try await FakeBinanceServer.run(apiKey: Self.binanceKey, apiSecret: Self.binanceSecret) { server in
            await server.state.setPrice("BTCUSDT", Fixed(40_000))
            await server.state.setBalance("USDT", Fixed(10_000))
            await server.state.setBalance("BTC", .zero)  // flat: the risk engine's position limit leaves room
            try await body(server)
        }
    }

    @Test("paper on binance: the venue's bars, orders filled locally and never sent, SIGTERM exits 0")
    func paperBinance() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await withBinance { server in
            let config = try dir.write("serve.yaml", Self.config(venue: "binance", symbol: "BTC/USDT", baseURL: server.baseURL))
            let serve = try await Service.start(mode: "paper", config: config, db: dir.path("paper.sqlite"), environment: [:])
            let feed = FakeVenueFeeds.binance(server.state, price: 40_000)
            defer { feed.cancel() }
            #expect(try await serve.waitForBars(venue: "paper-binance"), "log: \(serve.process.log)")
            let placed = try await serve.placeOrder(#"{"clientOrderId":"api-paper-1","symbol":"BTC/USDT","side":"buy","quantity":"0.01"}"#)
            #expect(placed.status == 201, "answer: \(placed.body)")
            #expect(await eventually(20) { try await serve.orders().contains(#""status":"filled""#) })
            let orders = try await serve.orders()
            #expect(orders.contains("api-paper-1") && orders.contains(#""status":"filled""#), "orders: \(orders)")
            #expect(await serve.process.stop(SIGTERM, seconds: 40) == 0, "log: \(serve.process.log)")
            #expect(await server.state.allOrders().isEmpty)
            #expect(await !server.state.requestLog.contains("POST /api/v3/order"))
            #expect(serve.process.log.contains("session stopped, journal flushed"))
        }
    }

    @Test("live on binance: keys from the environment, the order reaches the venue exactly once, SIGTERM exits 0")
    func liveBinance() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await withBinance { server in
            let config = try dir.write("serve.yaml", Self.config(venue: "binance", symbol: "BTC/USDT", baseURL: server.baseURL))
            let db = dir.path("live.sqlite")
            let serve = try await Service.start(mode: "live", config: config, db: db,
                                                environment: ["BINANCE_API_KEY": Self.binanceKey,
                                                              "BINANCE_API_SECRET": Self.binanceSecret],
                                                extra: ["--skip-promotion-gate"])
            #expect(serve.process.log.contains("WARNING: --skip-promotion-gate: sma_cross trades live at FULL size"),
                    "log: \(serve.process.log)")
            let feed = FakeVenueFeeds.binance(server.state, price: 40_000)
            defer { feed.cancel() }
            #expect(try await serve.waitForBars(venue: "binance"), "log: \(serve.process.log)")
            let placed = try await serve.placeOrder(#"{"clientOrderId":"api-live-1","symbol":"BTC/USDT","side":"buy","quantity":"0.01"}"#)
            #expect(placed.status == 201, "answer: \(placed.body)")
            #expect(await eventually(20) { try await serve.orders().contains(#""status":"filled""#) })
            let orders = try await serve.orders()
            #expect(orders.contains(#""status":"filled""#), "orders: \(orders)")
            #expect(await serve.process.stop(SIGTERM, seconds: 40) == 0, "log: \(serve.process.log)")
            let venueOrders = await server.state.allOrders()
            #expect(venueOrders.map(\.clientOrderId) == ["api-live-1"])
            #expect(await server.state.requestLog.filter { $0 == "POST /api/v3/order" }.count == 1)
            try await SQLStore.withStore(path: db) { store in
                let journal = OrderJournalStore(store: store)
                let order = try #require(try await journal.order(clientOrderId: "api-live-1"))
                #expect(order.state == .filled)
                #expect(order.fills.reduce(Fixed.zero) { $0 + $1.quantity } == venueOrders.first?.executedQty)
                #expect(try await journal.unfinishedOrders().isEmpty)
            }
        }
    }

    @Test("live without keys is refused before anything is sent, naming the variables")
    func liveWithoutKeysRefused() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await withBinance { server in
            let config = try dir.write("serve.yaml", Self.config(venue: "binance", symbol: "BTC/USDT", baseURL: server.baseURL))
            let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--mode", "live", "--db", dir.path("k.sqlite"),
                                                                 "--http-port", "0", "--metrics-port", "0"],
                                            environment: ["GRAPHWIZ_SECURITY__JWT_SECRET": Self.jwtSecret,
                                                          "BINANCE_API_KEY": "", "BINANCE_API_SECRET": ""])
            let status = await serve.waitForExit(seconds: 60)
            #expect(status != nil && status != 0, "log: \(serve.log)")
            #expect(serve.log.contains("live trading on binance needs API keys: set BINANCE_API_KEY and BINANCE_API_SECRET"),
                    "log: \(serve.log)")
            #expect(await server.state.requestLog.isEmpty)
        }
    }

    @Test("live asks the promotion gate: a strategy still on paper stops the start with the gate's reason")
    func liveRefusedByThePromotionGate() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await withBinance { server in
            let config = try dir.write("serve.yaml", Self.config(venue: "binance", symbol: "BTC/USDT", baseURL: server.baseURL))
            let serve = try GraphwizProcess("serve", arguments: ["--config", config, "--mode", "live", "--db", dir.path("g.sqlite"),
                                                                 "--http-port", "0", "--metrics-port", "0"],
                                            environment: ["GRAPHWIZ_SECURITY__JWT_SECRET": Self.jwtSecret,
                                                          "BINANCE_API_KEY": Self.binanceKey, "BINANCE_API_SECRET": Self.binanceSecret])
            let status = await serve.waitForExit(seconds: 60)
            #expect(status != nil && status != 0, "log: \(serve.log)")
            #expect(serve.log.contains("promotion gate refused live trading: sma_cross is on paper"), "log: \(serve.log)")
            #expect(await !server.state.requestLog.contains("POST /api/v3/order"))
        }
    }

    @Test("--exchange is checked: an unknown venue, and an exchange in simulation mode, are refused")
    func exchangeOptionChecked() throws {
        #expect {
            _ = try ServeCommand.parse(["--exchange", "ftx"])
        } throws: { error in
            ServeCommand.message(for: error) == "--exchange must be one of sim, binance, kraken, got 'ftx'"
        }
        let command = try ServeCommand.parse(["--mode", "simulation", "--exchange", "kraken"])
        #expect {
            _ = try ServePlan.load(command)
        } throws: { error in
            (error as? ValidationError)?.message == "--exchange kraken has no simulation mode: use --mode paper or live with it (or --exchange sim)"
        }
    }

    @Test("live on kraken (--exchange kraken): bars from the ohlc channel, the order reaches the venue exactly once, SIGTERM exits 0")
    func liveKraken() async throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        try await FakeKrakenServer.run(limits: FakeKrakenLimits()) { server in
            server.setBalance(Fixed(100_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let config = try dir.write("serve.yaml", Self.config(venue: "kraken", symbol: "BTC/USD", baseURL: server.restBaseURL))
            let db = dir.path("kraken.sqlite")
            let serve = try await Service.start(mode: "live", config: config, db: db,
                                                environment: ["KRAKEN_API_KEY": server.apiKey,
                                                              "KRAKEN_API_SECRET": server.apiSecret],
                                                extra: ["--exchange", "kraken", "--skip-promotion-gate"])
            #expect(await eventually(60) { server.subscribers(channel: "ohlc") == 1 && server.subscribers(channel: "executions") == 1 },
                    "log: \(serve.process.log)")
            let feed = FakeVenueFeeds.kraken(server, price: Fixed(30_000), interval: .milliseconds(400))
            defer { feed.cancel() }
            #expect(try await serve.waitForBars(venue: "kraken"), "log: \(serve.process.log)")
            let placed = try await serve.placeOrder(#"{"clientOrderId":"apikraken1","symbol":"BTC/USD","side":"buy","quantity":"0.01"}"#)
            #expect(placed.status == 201, "answer: \(placed.body)")
            #expect(await eventually(30) { try await serve.orders().contains(#""status":"filled""#) }, "log: \(serve.process.log)")
            #expect(await serve.process.stop(SIGTERM, seconds: 40) == 0, "log: \(serve.process.log)")
            #expect(server.orders.count == 1)
            #expect(server.privateCalls.filter { $0 == "AddOrder" }.count == 1)
            try await SQLStore.withStore(path: db) { store in
                let order = try #require(try await OrderJournalStore(store: store).order(clientOrderId: "apikraken1"))
                #expect(order.state == .filled)
                #expect(order.fills.map(\.tradeId) == server.accountTrades.map(\.txid))
            }
        }
    }
}
