import Exchanges
import Testing
import TradingCore
import TradingModel
import VenueFakes

@Suite struct BinanceRESTTests {
    @Test func serverTimeAndClockOffset() async throws {
        try await withFakeBinance { server, exchange in
            await server.state.setClockSkew(3_000)
            // Bracketed by local readings, so a slow round trip on a loaded machine cannot fail it: the venue read
            // its clock (3 s ahead) between them.
            let before = WallClock().now()
            let time = try await exchange.rest.serverTime()
            let after = WallClock().now()
            #expect((before + 3_000 - 5...after + 3_000 + 5).contains(time))
            let started = WallClock().now()
            try await exchange.rest.synchronizeClock()
            let roundTrip = WallClock().now() - started
            let offset = await exchange.rest.clockOffset
            #expect(abs(offset - 3_000) <= roundTrip + 5)
        }
    }

    @Test func exchangeInfoFiltersBecomeInstrumentRules() async throws {
        try await withFakeBinance { _, exchange in
            let instruments = try await exchange.instruments().sorted { $0.symbol < $1.symbol }
            #expect(instruments == [
                Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                           minQuantity: Fixed("0.00001")!, minNotional: 5),
                Instrument(symbol: "ETH/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.0001")!,
                           minQuantity: Fixed("0.0001")!, minNotional: 5),
            ])
            #expect(try await exchange.venueSymbol("BTC/USDT") == "BTCUSDT")
            let map = try await exchange.symbolMap()
            #expect(map.unifiedSymbol(for: "ETHUSDT") == "ETH/USDT")
            #expect(await exchange.rest.limiter.limits == [
                BinanceRateLimit(rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: 6000),
                BinanceRateLimit(rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: 100),
                BinanceRateLimit(rateLimitType: "ORDERS", interval: "DAY", intervalNum: 1, limit: 200_000),
            ])
        }
    }

    @Test func klinesDepthAndTicker() async throws {
        try await withFakeBinance { server, exchange in
            let bars = (0..<5).map { Bar(time: 1_704_067_200_000 + Int64($0) * 60_000, open: 100, high: 102, low: 99,
                                         close: 101 + Double($0), volume: 3) }
            await server.state.setKlines("BTCUSDT", interval: "1m", bars: bars)
            let klines = try await exchange.rest.klines(symbol: "BTCUSDT", interval: "1m", startTime: bars[1].time, limit: 3)
            #expect(try klines.map(BinanceMapping.bar) == Array(bars[1...3]))
            #expect(klines.map(\.closeTime) == bars[1...3].map { $0.time + 59_999 })
            let depth = try await exchange.rest.depth(symbol: "BTCUSDT", limit: 5)
            #expect(depth.bids.first == ["49999.99000000", "1.00000000"])
            #expect(depth.asks.first == ["50000.01000000", "1.00000000"])
            let ticker = try await exchange.rest.ticker(symbol: "BTCUSDT")
            #expect(ticker.lastPrice == "50000.00000000")
            let wrong = await exchangeError { _ = try await exchange.rest.ticker(symbol: "DOGEUSDT") }
            #expect(wrong?.kind == .invalidRequest)
            #expect(wrong?.code == "-1121")
            let badInterval = await exchangeError { _ = try await exchange.rest.klines(symbol: "BTCUSDT", interval: "7m") }
            #expect(badInterval?.kind == .invalidRequest)
        }
    }

    @Test func marketBuyFillsAndEmitsAcceptedThenFilled() async throws {
        try await withFakeBinance { _, exchange in
            try await exchange.submit(OrderRequest(clientOrderId: "m-1", symbol: "BTC/USDT", side: .buy, quantity: Fixed("0.01")!))
            let events = await collect(exchange.events, count: 2)
            guard events.count == 2, case let .accepted(id, venueId, _) = events[0], case let .filled(fill) = events[1] else {
                Issue.record("expected accepted then filled, got \(events)")
                return
            }
            #expect(id == "m-1")
            #expect(venueId == "1001")
            #expect(fill.tradeId == "5001")
            #expect(fill.price == 50_000)
            #expect(fill.quantity == Fixed("0.01")!)
            #expect(fill.fee == Fixed("0.5")!)
            #expect(fill.liquidity == .taker)
            let balances = try await exchange.balances()
            #expect(balances.first { $0.asset == "USDT" }?.free == 99_500)
            #expect(balances.first { $0.asset == "BTC" }?.free == Fixed("1.00999")!)
            let order = try await exchange.order(clientOrderId: "m-1", symbol: "BTC/USDT")
            #expect(order?.status == .filled)
            #expect(order?.averageFillPrice == 50_000)
        }
    }

    @Test func marketBuyByQuoteAmountUsesQuoteOrderQty() async throws {
        try await withFakeBinance { server, exchange in
            try await exchange.submit(OrderRequest(clientOrderId: "q-1", symbol: "ETH/USDT", side: .buy, quantity: .zero,
                                                   quoteQuantity: 1000))
            let events = await collect(exchange.events, count: 2)
            guard case let .filled(fill) = events.last else { Issue.record("no fill: \(events)"); return }
            #expect(fill.quantity == Fixed("0.3333")!)
            #expect(fill.price == 3000)
            let orders = await server.state.allOrders()
            #expect(orders.map(\.quoteOrderQty) == [1000])
        }
    }

    @Test func limitOrderRestsIsListedQueriedAndCanceled() async throws {
        try await withFakeBinance { server, exchange in
            try await exchange.submit(OrderRequest(clientOrderId: "l-1", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                   quantity: Fixed("0.01")!, limitPrice: 40_000))
            let locked = await server.state.balance("USDT")
            #expect(locked.free == 99_600)
            #expect(locked.locked == 400)
            let open = try await exchange.openOrders(symbol: "BTC/USDT")
            #expect(open.count == 1)
            #expect(open.first?.request.clientOrderId == "l-1")
            #expect(open.first?.request.limitPrice == 40_000)
            #expect(open.first?.status == .accepted)
            #expect(try await exchange.openOrders(symbol: nil).count == 1)
            let order = try await exchange.order(clientOrderId: "l-1", symbol: "BTC/USDT")
            #expect(order?.venueOrderId == "1001")
            #expect(order?.request.quantity == Fixed("0.01")!)
            try await exchange.cancel(clientOrderId: "l-1", symbol: "BTC/USDT")
            let events = await collect(exchange.events, count: 2)
            #expect(events.map(\.clientOrderId) == ["l-1", "l-1"])
            if case .canceled = events.last {} else { Issue.record("expected canceled, got \(events)") }
            #expect(try await exchange.openOrders(symbol: "BTC/USDT").isEmpty)
            let released = await server.state.balance("USDT")
            #expect(released.free == 100_000)
            #expect(released.locked == 0)
            #expect(try await exchange.order(clientOrderId: "l-1", symbol: "BTC/USDT")?.status == .canceled)
            #expect(try await exchange.order(clientOrderId: "nope", symbol: "BTC/USDT") == nil)
            try await exchange.cancel(clientOrderId: "l-1", symbol: "BTC/USDT")
            let again = await collect(exchange.events, count: 1)
            if case let .cancelRejected(_, reason, _) = again.first {
                #expect(reason.contains("Unknown order sent."))
            } else { Issue.record("expected cancelRejected, got \(again)") }
        }
    }

    @Test func stopLossLimitTriggersAndFillsWhenThePriceFalls() async throws {
        try await withFakeBinance { server, exchange in
            try await exchange.submit(OrderRequest(clientOrderId: "s-1", symbol: "BTC/USDT", side: .sell, type: .stopLimit,
                                                   quantity: Fixed("0.01")!, limitPrice: 44_900, stopPrice: 45_000))
            #expect(await server.state.allOrders().map(\.type) == ["STOP_LOSS_LIMIT"])
            await server.state.setPrice("BTCUSDT", 44_950)
            let fills = try await exchange.fills(symbol: "BTC/USDT", since: 0)
            #expect(fills.count == 1)
            #expect(fills.first?.clientOrderId == "s-1")
            #expect(fills.first?.price == 44_900)
            #expect(fills.first?.side == .sell)
            #expect(fills.first?.fee == Fixed("0.449")!)
            #expect(fills.first?.liquidity == .maker)
        }
    }

    @Test("fills since a time come from myTrades by startTime, then page by fromId past 1,000 trades; nothing is lost or repeated")
    func fillsPageThroughMoreThanOneThousandTrades() async throws {
        try await withFakeBinance { server, exchange in
            await server.state.setFillSlices(1_205)
            await server.state.setBalance("USDT", 1_000_000)
            try await exchange.submit(OrderRequest(clientOrderId: "many", symbol: "BTC/USDT", side: .buy, quantity: Fixed("1.205")!))
            let trades = await server.state.allTrades()
            #expect(trades.count == 1_205)
            let fills = try await exchange.fills(symbol: "BTC/USDT", since: trades[0].time)
            #expect(fills.map(\.tradeId) == trades.map { String($0.id) })
            #expect(fills.allSatisfy { $0.clientOrderId == "many" })
            // Two pages: startTime, then fromId after the 1,000th trade (the startTime + endTime 24 h rule never applies).
            #expect(await server.state.requestLog.filter { $0 == "GET /api/v3/myTrades" }.count == 2)
        }
    }

    @Test func takeProfitLimitAndLimitMakerGoThroughTheRESTClient() async throws {
        try await withFakeBinance { _, exchange in
            let tp = try await exchange.rest.newOrder(BinanceNewOrder(
                symbol: "BTCUSDT", side: .sell, type: .takeProfitLimit, quantity: Fixed("0.01")!, price: 55_000,
                stopPrice: 55_000, timeInForce: .gtc, clientOrderId: "tp-1"))
            #expect(tp.status == "NEW")
            #expect(tp.type == "TAKE_PROFIT_LIMIT")
            let maker = try await exchange.rest.newOrder(BinanceNewOrder(
                symbol: "BTCUSDT", side: .buy, type: .limitMaker, quantity: Fixed("0.01")!, price: 49_000, clientOrderId: "lm-1"))
            #expect(maker.status == "NEW")
            let taking = await exchangeError {
                _ = try await exchange.rest.newOrder(BinanceNewOrder(
                    symbol: "BTCUSDT", side: .buy, type: .limitMaker, quantity: Fixed("0.01")!, price: 50_001, clientOrderId: "lm-2"))
            }
            #expect(taking?.code == "-2010")
            #expect(taking?.kind == .invalidRequest)
            #expect(try await exchange.rest.openOrders(symbol: "BTCUSDT").map(\.clientOrderId) == ["tp-1", "lm-1"])
        }
    }

    @Test func venueRejectionsBecomeRejectedEventsAndDuplicatesThrow() async throws {
        try await withFakeBinance { _, exchange in
            try await exchange.submit(OrderRequest(clientOrderId: "big", symbol: "BTC/USDT", side: .buy, quantity: 10))
            let rejected = await collect(exchange.events, count: 1)
            if case let .rejected(id, reason, _) = rejected.first {
                #expect(id == "big")
                #expect(reason.contains("insufficient_funds (-2010)"))
            } else { Issue.record("expected rejected, got \(rejected)") }
            let lot = await exchangeError {
                _ = try await exchange.rest.newOrder(BinanceNewOrder(symbol: "BTCUSDT", side: .buy, type: .market,
                                                                     quantity: Fixed("0.000001")!, clientOrderId: "tiny"))
            }
            #expect(lot?.code == "-1013")
            #expect(lot?.message == "POST /api/v3/order: Filter failure: LOT_SIZE")
            try await exchange.submit(OrderRequest(clientOrderId: "dup", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                   quantity: Fixed("0.01")!, limitPrice: 40_000))
            let duplicate = await exchangeError {
                try await exchange.submit(OrderRequest(clientOrderId: "dup", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                       quantity: Fixed("0.01")!, limitPrice: 40_000))
            }
            #expect(duplicate?.kind == .duplicateOrder)
            #expect(duplicate?.message == "POST /api/v3/order: Duplicate order sent.")
            let unknown = await exchangeError {
                try await exchange.submit(OrderRequest(clientOrderId: "x", symbol: "DOGE/USDT", side: .buy, quantity: 1))
            }
            #expect(unknown?.kind == .invalidRequest)
            #expect(unknown?.code == "-1121")
        }
    }

    @Test func badSignatureAndBadKeyAreAuthenticationErrors() async throws {
        try await withFakeBinance(secret: "wrong-secret") { _, exchange in
            let error = await exchangeError { _ = try await exchange.balances() }
            #expect(error?.kind == .authentication)
            #expect(error?.code == "-1022")
        }
        try await withFakeBinance(apiKey: "someone-else") { _, exchange in
            let error = await exchangeError { _ = try await exchange.balances() }
            #expect(error?.kind == .authentication)
            #expect(error?.code == "-2015")
        }
        let noKeys = BinanceExchange(configuration: BinanceConfiguration(restBaseURL: "http://127.0.0.1:9"))
        let missing = await exchangeError { _ = try await noKeys.rest.account() }
        #expect(missing?.kind == .authentication)
        #expect(missing?.message == "/api/v3/account needs an API key and secret: set BINANCE_API_KEY and "
            + "BINANCE_API_SECRET or exchanges.binance.api_key/api_secret")
    }

    @Test func timestampOutsideTheWindowResyncsTheClockAndRetriesOnce() async throws {
        try await withFakeBinance { server, exchange in
            _ = try await exchange.balances()
            #expect(await exchange.rest.timeSyncCount == 1)
            await server.state.setClockSkew(20_000)
            _ = try await exchange.balances()
            #expect(await exchange.rest.timeSyncCount == 2)
            let offset = await exchange.rest.clockOffset
            #expect(abs(offset - 20_000) < 1_000)
            let log = await server.state.requestLog
            #expect(log.filter { $0 == "GET /api/v3/time" }.count == 2)
            #expect(log.filter { $0 == "GET /api/v3/account" }.count == 3)
        }
    }

    @Test func rateLimitAnswerPausesTheClientForRetryAfter() async throws {
        try await withFakeBinance { server, exchange in
            _ = try await exchange.instruments()
            await server.state.inject(FakeBinanceFault(path: "/api/v3/ticker/24hr", status: 429, code: -1003,
                                                       message: "Too much request weight used", retryAfter: 1))
            let limited = await exchangeError { _ = try await exchange.rest.ticker(symbol: "BTCUSDT") }
            #expect(limited?.kind == .rateLimited)
            #expect(limited?.retryAfter == 1)
            let start = ContinuousClock.now
            _ = try await exchange.rest.ticker(symbol: "BTCUSDT")
            #expect(ContinuousClock.now - start >= .milliseconds(900))
        }
    }

    @Test func banStopsEveryRequestWithoutReachingTheVenue() async throws {
        try await withFakeBinance { server, exchange in
            _ = try await exchange.instruments()
            await server.state.inject(FakeBinanceFault(status: 418, code: -1003, message: "IP banned", retryAfter: 60))
            let banned = await exchangeError { _ = try await exchange.rest.ticker(symbol: "BTCUSDT") }
            #expect(banned?.kind == .banned)
            #expect(banned?.retryAfter == 60)
            let sent = await server.state.requestLog.count
            let again = await exchangeError { _ = try await exchange.balances() }
            #expect(again?.kind == .banned)
            #expect(await server.state.requestLog.count == sent)
        }
    }

    @Test func fakeAnswers429ThenBansWhenTheWeightLimitIsExceeded() async throws {
        try await withFakeBinance { server, _ in
            await server.state.setLimits(FakeBinanceLimits(weightPerMinute: 25, bansAfter429s: 1, banSeconds: 30))
            let transport = AsyncHTTPClientTransport()
            let url = server.baseURL + "/api/v3/exchangeInfo"
            let first = try await transport.send(HTTPRequestSpec(method: .get, url: url))
            #expect(first.status == 200)
            #expect(first.headers["x-mbx-used-weight-1m"] == "20")
            let second = try await transport.send(HTTPRequestSpec(method: .get, url: url))
            if second.status == 200 { return }  // a minute boundary passed between the two requests
            #expect(second.status == 429)
            #expect(second.text.hasPrefix("{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 25"))
            #expect(second.headers["retry-after"] != nil)
            let third = try await transport.send(HTTPRequestSpec(method: .get, url: url))
            #expect(third.status == 418)
            #expect(third.headers["retry-after"] == "30")
        }
    }

    @Test func usedWeightHeadersKeepTheLimiterEqualToTheVenue() async throws {
        try await withFakeBinance { server, exchange in
            for pass in 0..<3 {
                let before = WallClock().now() / 60_000
                let requestsBefore = await server.state.requestLog.count
                _ = try await exchange.instruments()
                _ = try await exchange.rest.ticker(symbol: "BTCUSDT")
                _ = try await exchange.balances()
                _ = try await exchange.rest.depth(symbol: "BTCUSDT", limit: 5)
                guard WallClock().now() / 60_000 == before else { continue }
                // The limiter holds what the venue's last header said, whatever was sent.
                #expect(await exchange.rest.limiter.usage().first == server.state.usedWeight)
                // exchangeInfo 20 + ticker 2 + time 1 + account 20 + depth 5, when the first pass stayed in one
                // minute and nothing was resent (on a loaded machine a signed request can outlive its recvWindow,
                // -1021, and the resync and retry add their weight). A later pass's window may also hold requests
                // of the pass that straddled the minute, so only the first pass has an exact sum.
                let sent = await server.state.requestLog.count - requestsBefore
                if pass == 0 && sent == 5 {
                    #expect(await exchange.rest.limiter.usage().first == 48)
                }
                return
            }
        }
    }

    @Test func droppedOrderAnswerThrowsOutcomeUnknownAndTheOrderExists() async throws {
        try await withFakeBinance(timeout: .seconds(2)) { server, exchange in
            _ = try await settled { try await exchange.instruments() }
            try await settled { try await exchange.rest.synchronizeClock() }
            await server.state.setNextOrderAnswer(.drop)
            let error = await exchangeError {
                try await exchange.submit(OrderRequest(clientOrderId: "lost-1", symbol: "BTC/USDT", side: .buy,
                                                       quantity: Fixed("0.01")!))
            }
            #expect(error?.kind == .timeout)
            #expect(error?.outcomeUnknown == true)
            #expect(error?.isRetrySafe == false)
            // The follow-up query on a client with a normal timeout (2 s is only for the dropped answer).
            let patient = BinanceExchange(configuration: BinanceConfiguration(
                apiKey: BinanceTestKeys.apiKey, apiSecret: BinanceTestKeys.secret, restBaseURL: server.baseURL,
                requestTimeout: .seconds(10)))
            let order = try await patient.order(clientOrderId: "lost-1", symbol: "BTC/USDT")
            #expect(order?.status == .filled)
            #expect(await server.state.allOrders().count == 1)
        }
    }

    @Test func unreachableVenueIsANetworkErrorThatWasNotSent() async throws {
        let exchange = BinanceExchange(configuration: BinanceConfiguration(
            apiKey: "k", apiSecret: "s", restBaseURL: "http://127.0.0.1:1", requestTimeout: .seconds(2)))
        let error = await exchangeError { _ = try await exchange.instruments() }
        #expect(error?.kind == .network)
        #expect(error?.outcomeUnknown == false)
    }

    @Test func truncatedBodiesAndServerErrorsAreTypedErrors() async throws {
        try await withFakeBinance { server, exchange in
            _ = try await exchange.instruments()
            await server.state.inject(FakeBinanceFault(path: "/api/v3/account", status: 200, rawBody: "{\"balances\":[{\"asset\""))
            let truncated = await exchangeError { _ = try await exchange.balances() }
            #expect(truncated?.kind == .unknown)
            #expect(truncated?.message.hasPrefix("GET /api/v3/account: could not read the answer as Account: ") == true)
            await server.state.inject(FakeBinanceFault(path: "/api/v3/order", status: 503, rawBody: "Service Unavailable"))
            let unavailable = await exchangeError {
                try await exchange.submit(OrderRequest(clientOrderId: "503-1", symbol: "BTC/USDT", side: .buy,
                                                       quantity: Fixed("0.01")!))
            }
            #expect(unavailable?.kind == .unavailable)
            #expect(unavailable?.outcomeUnknown == true)
            #expect(unavailable?.message == "POST /api/v3/order: HTTP 503 from the venue: Service Unavailable")
        }
    }
}
