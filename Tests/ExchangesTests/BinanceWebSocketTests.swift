import Exchanges
import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes

@Suite struct BinanceWebSocketTests {
    @Test func userDataStreamDeliversFillsOnceAndSurvivesADisconnect() async throws {
        try await withFakeBinance { server, exchange in
            let reconnects = Locked(0)
            let stream = Task {
                await exchange.runUserDataStream(backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))) {
                    reconnects.withLock { $0 += 1 }
                }
            }
            defer { stream.cancel() }
            #expect(await eventually { await server.state.connectionCount() == 1 })
            try await exchange.submit(OrderRequest(clientOrderId: "ws-1", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                   quantity: Fixed("0.01")!, limitPrice: 49_000))
            await server.state.setPrice("BTCUSDT", 48_000)
            let events = await collect(exchange.events, count: 2)
            guard events.count == 2, case .accepted = events[0], case let .filled(fill) = events[1] else {
                Issue.record("expected accepted then filled, got \(events)")
                return
            }
            #expect(fill.clientOrderId == "ws-1")
            #expect(fill.price == 49_000)
            #expect(fill.liquidity == .maker)
            #expect(fill.fee == Fixed("0.49")!)

            await server.state.disconnectAll()
            #expect(await eventually { await server.state.connectionCount() == 1 && reconnects.value == 1 })
            try await exchange.submit(OrderRequest(clientOrderId: "ws-2", symbol: "BTC/USDT", side: .sell, type: .limit,
                                                   quantity: Fixed("0.01")!, limitPrice: 52_000))
            await server.state.setPrice("BTCUSDT", 52_500)
            let after = await collect(exchange.events, count: 2)
            #expect(after.map(\.clientOrderId) == ["ws-2", "ws-2"])
            if case let .filled(second) = after.last { #expect(second.price == 52_000) } else {
                Issue.record("expected a fill after the reconnect, got \(after)")
            }
            // No duplicate of the REST-acknowledged events came from the stream.
            let extra = await collect(exchange.events, count: 1, seconds: 0.3)
            #expect(extra.isEmpty)
        }
    }

    @Test func executionReportsMapToEventsOnce() async throws {
        try await withFakeBinance { _, exchange in
            _ = try await exchange.instruments()
            func report(_ x: String, _ status: String, c: String = "o-1", orig: String = "", trade: Int64 = -1) -> String {
                "{\"e\":\"executionReport\",\"E\":1,\"s\":\"BTCUSDT\",\"c\":\"\(c)\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"GTC\","
                    + "\"q\":\"1.00000000\",\"p\":\"10.00000000\",\"P\":\"0.00000000\",\"x\":\"\(x)\",\"X\":\"\(status)\","
                    + "\"r\":\"NONE\",\"i\":77,\"l\":\"0.50000000\",\"z\":\"0.50000000\",\"L\":\"10.00000000\","
                    + "\"n\":\"0.00500000\",\"N\":\"USDT\",\"T\":123,\"t\":\(trade),\"m\":true,\"C\":\"\(orig)\"}"
            }
            try exchange.handleUserData(report("NEW", "NEW"))
            try exchange.handleUserData(report("TRADE", "PARTIALLY_FILLED", trade: 9))
            try exchange.handleUserData(report("TRADE", "PARTIALLY_FILLED", trade: 9))
            try exchange.handleUserData(report("CANCELED", "CANCELED", c: "cancel-req", orig: "o-1"))
            try exchange.handleUserData(report("EXPIRED", "EXPIRED", c: "o-2"))
            try exchange.handleUserData("{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":1,\"B\":[{\"a\":\"BTC\",\"f\":\"0.5\",\"l\":\"0.25\"}]}")
            let events = await collect(exchange.events, count: 4)
            #expect(events == [
                .accepted(clientOrderId: "o-1", venueOrderId: "77", time: 123),
                .filled(Fill(tradeId: "9", clientOrderId: "o-1", venueOrderId: "77", symbol: "BTC/USDT", side: .sell,
                             price: 10, quantity: Fixed("0.5")!, fee: Fixed("0.005")!, liquidity: .maker, time: 123)
                    .completing(false)),  // X PARTIALLY_FILLED
                .canceled(clientOrderId: "o-1", reason: "canceled at binance", time: 123),
                .expired(clientOrderId: "o-2", reason: "binance expired the order (EXPIRED)", time: 123),
            ])
            var balances = exchange.balanceUpdates.makeAsyncIterator()
            #expect(await balances.next() == [Balance(asset: "BTC", free: Fixed("0.5")!, locked: Fixed("0.25")!)])
        }
    }

    @Test func klineStreamYieldsClosedBarsOnlyAndBackfillsGapsAndReconnects() async throws {
        try await withFakeBinance { server, exchange in
            let minute: Int64 = 60_000
            let t0 = (WallClock().now() / minute - 20) * minute
            func bar(_ i: Int64) -> Bar { Bar(time: t0 + i * minute, open: 100, high: 101, low: 99, close: 100 + Double(i), volume: 1) }
            let source = BinanceMarketDataSource(exchange: exchange, backoff: Backoff(initial: .milliseconds(50)))
            let received = Locked<[Bar]>([])
            let reader = Task {
                for try await bar in source.bars(symbol: "BTC/USDT", timeframe: .oneMinute) {
                    received.withLock { $0.append(bar) }
                }
            }
            defer { reader.cancel() }
            #expect(await eventually { await server.state.connectionCount() == 1 })
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(0), closed: false)
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(0), closed: true)
            #expect(await eventually { received.value.count == 1 })
            // Two bars closed that the stream never sent, then the connection drops: the reconnect backfills them.
            await server.state.recordKline("BTCUSDT", interval: "1m", bar: bar(1))
            await server.state.recordKline("BTCUSDT", interval: "1m", bar: bar(2))
            await server.state.disconnectAll()
            #expect(await eventually { received.value.count == 3 })
            #expect(await eventually { await server.state.connectionCount() == 1 })
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(3), closed: true)
            // A bar missed on a live connection: the next one triggers a backfill of the gap first.
            await server.state.recordKline("BTCUSDT", interval: "1m", bar: bar(4))
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(5), closed: true)
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(5), closed: true)
            #expect(await eventually { received.value.count == 6 })
            try? await Task.sleep(for: .milliseconds(100))
            #expect(received.value == (0...5).map(bar))
        }
    }

    @Test("several symbols share one combined kline connection; each is gap-free on its own, backfilled after a reconnect, and an unlisted one ends with the error")
    func combinedKlineDeliveryForSeveralSymbols() async throws {
        try await withFakeBinance { server, exchange in
            let minute: Int64 = 60_000
            let t0 = (WallClock().now() / minute - 20) * minute
            func bar(_ i: Int64, _ close: Double) -> Bar {
                Bar(time: t0 + i * minute, open: close, high: close, low: close, close: close, volume: 1)
            }
            let source = BinanceMarketDataSource(exchange: exchange, backoff: Backoff(initial: .milliseconds(50)))
            let received = Locked<[BarDelivery]>([])
            let reader = Task {
                await source.deliverBars(symbols: ["ETH/USDT", "XXX/USDT", "BTC/USDT"], timeframe: .oneMinute) { delivery in
                    received.withLock { $0.append(delivery) }
                }
            }
            defer { reader.cancel() }
            #expect(await eventually { await server.state.connectionCount() == 1 })
            #expect(received.value.count == 1)
            guard case let .ended(1, error?) = received.value.first else { Issue.record("got \(received.value)"); return }
            #expect(error.hasPrefix("XXX/USDT feed: "))
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(0, 100), closed: true)
            await server.state.pushKline("ETHUSDT", interval: "1m", bar: bar(0, 10), closed: false)
            await server.state.pushKline("ETHUSDT", interval: "1m", bar: bar(0, 10), closed: true)
            #expect(await eventually { received.value.count == 3 })
            // Closed while the connection is down: both symbols are backfilled after the reconnect.
            await server.state.recordKline("BTCUSDT", interval: "1m", bar: bar(1, 101))
            await server.state.recordKline("ETHUSDT", interval: "1m", bar: bar(1, 11))
            await server.state.recordKline("ETHUSDT", interval: "1m", bar: bar(2, 12))
            await server.state.disconnectAll()
            #expect(await eventually { received.value.count == 6 })
            #expect(await eventually { await server.state.connectionCount() == 1 })
            // A bar one symbol missed on the live connection is backfilled before its next one; duplicates drop.
            await server.state.recordKline("BTCUSDT", interval: "1m", bar: bar(2, 102))
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(3, 103), closed: true)
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar(3, 103), closed: true)
            #expect(await eventually { received.value.count == 8 })
            try? await Task.sleep(for: .milliseconds(100))
            let bars = received.value.compactMap { delivery -> (Int, Bar)? in
                if case let .bar(bar, instrument) = delivery { (instrument, bar) } else { nil }
            }
            #expect(bars.filter { $0.0 == 2 }.map(\.1) == [bar(0, 100), bar(1, 101), bar(2, 102), bar(3, 103)])
            #expect(bars.filter { $0.0 == 0 }.map(\.1) == [bar(0, 10), bar(1, 11), bar(2, 12)])
            #expect(await server.state.connectionCount() == 1)
        }
    }

    @Test func connectionsAreRecycledAtTheirMaximumAge() async throws {
        try await withFakeBinance { server, _ in
            let outcomes = Locked<[WebSocketConnectionOutcome]>([])
            let socket = ReconnectingWebSocket(name: "age test", backoff: Backoff(initial: .milliseconds(20)),
                                               maxConnectionAge: .milliseconds(300))
            let task = Task {
                await socket.run(url: { server.webSocketURL + "/stream?streams=btcusdt@trade" },
                                 onConnect: { _, _ in }, onMessage: { _ in },
                                 onDisconnect: { outcome in outcomes.withLock { $0.append(outcome) } })
            }
            defer { task.cancel() }
            #expect(await eventually { outcomes.value.count >= 2 })
            task.cancel()
            let first = outcomes.value.first
            #expect(first?.connection == 0)
            #expect(first?.agedOut == true)
            #expect(first?.error == nil)
            #expect(outcomes.value.dropFirst().first?.connection == 1)
        }
    }

    @Test func gapTrackerDecisions() {
        var tracker = KlineGapTracker(step: 60)
        #expect(tracker.decide(120) == .deliver)
        tracker.delivered(120)
        #expect(tracker.decide(120) == .duplicate)
        #expect(tracker.decide(60) == .duplicate)
        #expect(tracker.decide(180) == .deliver)
        #expect(tracker.decide(360) == .backfill(from: 180, to: 300))
    }

    @Test func backoffGrowsToItsCap() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1), multiplier: 2)
        #expect((0..<6).map { backoff.delay(attempt: $0) } == [
            .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1),
        ])
    }

    @Test func streamMessagesParse() {
        let kline = "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":60000,"
            + "\"T\":119999,\"s\":\"BTCUSDT\",\"i\":\"1m\",\"o\":\"1.5\",\"c\":\"2\",\"h\":\"2.5\",\"l\":\"1\",\"v\":\"10\",\"x\":true}}}"
        #expect(BinanceStreamEvent.parse(kline) == .kline(symbol: "BTCUSDT", interval: "1m",
                                                          bar: Bar(time: 60_000, open: 1.5, high: 2.5, low: 1, close: 2, volume: 10),
                                                          closed: true))
        let trade = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"BTCUSDT\",\"t\":12,\"p\":\"0.001\","
            + "\"q\":\"100\",\"T\":5,\"m\":true}}"
        #expect(BinanceStreamEvent.parse(trade) == .trade(symbol: "BTCUSDT", tradeId: 12, price: Fixed("0.001")!,
                                                          quantity: 100, time: 5))
        let book = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"25.35190000\","
            + "\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}"
        #expect(BinanceStreamEvent.parse(book) == .bookTicker(symbol: "BTCUSDT", bid: Fixed("25.3519")!, bidQuantity: Fixed("31.21")!,
                                                              ask: Fixed("25.3652")!, askQuantity: Fixed("40.66")!))
        #expect(BinanceStreamEvent.combinedURL(base: "wss://stream.binance.com:9443", streams: ["btcusdt@kline_1m", "btcusdt@trade"])
            == "wss://stream.binance.com:9443/stream?streams=btcusdt@kline_1m/btcusdt@trade")
    }

    @Test func configurationDefaultsTestnetAndOverrides() {
        let production = BinanceConfiguration()
        #expect(production.restBaseURL == "https://api.binance.com")
        #expect(production.webSocketBaseURL == "wss://stream.binance.com:9443")
        let testnet = BinanceConfiguration(testnet: true)
        #expect(testnet.restBaseURL == "https://testnet.binance.vision")
        #expect(testnet.webSocketBaseURL == "wss://stream.testnet.binance.vision")
        let local = BinanceConfiguration(testnet: true, restBaseURL: "http://127.0.0.1:8080/")
        #expect(local.restBaseURL == "http://127.0.0.1:8080")
        #expect(local.webSocketBaseURL == "ws://127.0.0.1:8080")
        let both = BinanceConfiguration(restBaseURL: "http://127.0.0.1:1", webSocketBaseURL: "ws://127.0.0.1:2")
        #expect(both.webSocketBaseURL == "ws://127.0.0.1:2")
    }
}

@Suite struct BinanceListenKeyTests {
    @Test func listenKeyIsKeptAliveAndRecreatedAfterExpiry() async throws {
        let server = try await FakeBinanceServer.start(apiKey: BinanceTestKeys.apiKey, apiSecret: BinanceTestKeys.secret)
        let exchange = BinanceExchange(configuration: BinanceConfiguration(
            apiKey: BinanceTestKeys.apiKey, apiSecret: BinanceTestKeys.secret, restBaseURL: server.baseURL,
            listenKeyKeepAlive: .milliseconds(100)))
        let stream = Task { await exchange.runUserDataStream(backoff: Backoff(initial: .milliseconds(20))) }
        #expect(await eventually { await server.state.connectionCount() == 1 })
        #expect(await eventually { await server.state.requestLog.contains("PUT /api/v3/userDataStream") })
        #expect(await server.state.requestLog.filter { $0 == "POST /api/v3/userDataStream" }.count == 1)
        await server.state.expireListenKeys()
        let recreated = await eventually {
            let created = await server.state.requestLog.filter { $0 == "POST /api/v3/userDataStream" }.count
            let connections = await server.state.connectionCount()
            return created == 2 && connections == 1
        }
        let log = await server.state.requestLog
        let connections = await server.state.connectionCount()
        #expect(recreated, "requests: \(log), connections: \(connections)")
        stream.cancel()
        await server.stop()
    }
}

extension BinanceListenKeyTests {
    @Test func failedKeepAliveReconnectsWithANewListenKey() async throws {
        let server = try await FakeBinanceServer.start(apiKey: BinanceTestKeys.apiKey, apiSecret: BinanceTestKeys.secret)
        let exchange = BinanceExchange(configuration: BinanceConfiguration(
            apiKey: BinanceTestKeys.apiKey, apiSecret: BinanceTestKeys.secret, restBaseURL: server.baseURL,
            listenKeyKeepAlive: .milliseconds(100)))
        let stream = Task { await exchange.runUserDataStream(backoff: Backoff(initial: .milliseconds(20))) }
        #expect(await eventually { await server.state.connectionCount() == 1 })
        await server.state.revokeListenKeys()
        let recreated = await eventually {
            let created = await server.state.requestLog.filter { $0 == "POST /api/v3/userDataStream" }.count
            let connections = await server.state.connectionCount()
            return created == 2 && connections == 1
        }
        let log = await server.state.requestLog
        #expect(recreated, "requests: \(log)")
        // The new connection delivers again.
        _ = try await exchange.instruments()
        try await exchange.submit(OrderRequest(clientOrderId: "after-revoke", symbol: "BTC/USDT", side: .buy, type: .limit,
                                               quantity: Fixed("0.01")!, limitPrice: 49_000))
        await server.state.setPrice("BTCUSDT", 48_000)
        let events = await collect(exchange.events, count: 2)
        #expect(events.map(\.clientOrderId) == ["after-revoke", "after-revoke"])
        stream.cancel()
        await server.stop()
    }
}
