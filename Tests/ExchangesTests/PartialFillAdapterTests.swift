import Exchanges
import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes

/// The real Binance and Kraken adapters against fakes that fill orders in several executions
/// (`setFillSlices`): each execution is one fill, the order reads partially filled until the last one,
/// and a cancel of a partially filled order keeps the executed part.
@Suite("partial fills: adapters", .serialized)
struct PartialFillAdapterTests {
    @Test("binance: a market order executed in four trades maps to four fills, each once, and a filled order")
    func binanceMarketOrderInSlices() async throws {
        try await withFakeBinance { server, exchange in
            await server.state.setFillSlices(4)
            let stream = Task { await exchange.runUserDataStream(backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))) }
            defer { stream.cancel() }
            #expect(await eventually { await server.state.connectionCount() == 1 })
            try await exchange.submit(OrderRequest(clientOrderId: "pm-1", symbol: "BTC/USDT", side: .buy,
                                                   quantity: Fixed("0.04")!))
            let events = await collect(exchange.events, count: 5)
            let trades = await server.state.allTrades()
            #expect(trades.count == 4)
            let fills = events.compactMap { event -> Fill? in if case let .filled(fill) = event { fill } else { nil } }
            #expect(fills.map(\.tradeId) == trades.map { String($0.id) })
            #expect(fills.allSatisfy { $0.quantity == Fixed("0.01")! && $0.feeAsset == "BTC" && $0.feeAmount == Fixed("0.00001")! })
            #expect(Set(fills.map(\.tradeId)).count == 4)
            // The user data stream repeats the four trades: the adapter drops them.
            #expect(await collect(exchange.events, count: 1, seconds: 0.5).isEmpty)
            let order = try #require(try await exchange.order(clientOrderId: "pm-1", symbol: "BTC/USDT"))
            #expect(order.status == .filled)
            #expect(order.filledQuantity == Fixed("0.04")!)
            let history = try await exchange.fills(symbol: "BTC/USDT", since: 0)
            #expect(history.map(\.tradeId) == fills.map(\.tradeId))
            #expect(history.allSatisfy { $0.clientOrderId == "pm-1" })
        }
    }

    @Test("binance: a quoteOrderQty market buy in three trades: the answer's last fill and the FILLED report complete it")
    func binanceQuoteOrderInSlices() async throws {
        try await withFakeBinance { server, exchange in
            await server.state.setFillSlices(3)
            let stream = Task { await exchange.runUserDataStream(backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))) }
            defer { stream.cancel() }
            #expect(await eventually { await server.state.connectionCount() == 1 })
            // The answer is held: the fills come from the user data stream's executionReports alone.
            await server.state.setNextOrderAnswer(.drop)
            let request = OrderRequest(clientOrderId: "pq-1", symbol: "BTC/USDT", side: .buy, quantity: .zero,
                                       quoteQuantity: Fixed(1_500))
            await #expect(throws: ExchangeError.self) { try await exchange.submit(request) }
            let events = await collect(exchange.events, count: 4)
            let fills = events.compactMap { event -> Fill? in if case let .filled(fill) = event { fill } else { nil } }
            #expect(fills.count == 3)
            #expect(fills.map(\.orderComplete) == [false, false, true])
            var order = Order(request: request, createdAt: 0)
            for fill in fills {
                order.record(fillPrice: fill.price, quantity: fill.quantity, fee: fill.fee, time: fill.time)
                #expect(request.isComplete(filled: order.filledQuantity, after: fill) == (fill.tradeId == fills.last?.tradeId))
            }
        }
    }

    @Test("binance: a resting order fills slice by slice (PARTIALLY_FILLED), and its cancel keeps the executed part")
    func binanceRestingOrderPartiallyFilledThenCanceled() async throws {
        try await withFakeBinance { server, exchange in
            await server.state.setFillSlices(4)
            let stream = Task { await exchange.runUserDataStream(backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200))) }
            defer { stream.cancel() }
            #expect(await eventually { await server.state.connectionCount() == 1 })
            try await exchange.submit(OrderRequest(clientOrderId: "pr-1", symbol: "BTC/USDT", side: .buy, type: .limit,
                                                   quantity: Fixed("0.04")!, limitPrice: 49_000))
            #expect(await collect(exchange.events, count: 1).count == 1)  // accepted
            await server.state.setPrice("BTCUSDT", 48_000)
            let first = await collect(exchange.events, count: 1)
            guard case let .filled(fill) = first.first else { Issue.record("expected a fill, got \(first)"); return }
            #expect(fill.quantity == Fixed("0.01")!)
            #expect(fill.price == 49_000)
            #expect(fill.liquidity == .maker)
            var order = try #require(try await exchange.order(clientOrderId: "pr-1", symbol: "BTC/USDT"))
            #expect(order.status == .partiallyFilled)
            #expect(order.filledQuantity == Fixed("0.01")!)
            #expect(order.filledNotional == 490)
            await server.state.setPrice("BTCUSDT", 47_900)
            #expect(await collect(exchange.events, count: 1).count == 1)
            let open = try await exchange.openOrders(symbol: "BTC/USDT")
            #expect(open.map(\.status) == [.partiallyFilled])
            #expect(open.first?.filledQuantity == Fixed("0.02")!)

            try await exchange.cancel(clientOrderId: "pr-1", symbol: "BTC/USDT")
            let end = await collect(exchange.events, count: 1)
            guard case .canceled = end.first else { Issue.record("expected canceled, got \(end)"); return }
            order = try #require(try await exchange.order(clientOrderId: "pr-1", symbol: "BTC/USDT"))
            #expect(order.status == .canceled)
            #expect(order.filledQuantity == Fixed("0.02")!)
            let venue = try #require(await server.state.allOrders().first)
            #expect(venue.status == "CANCELED")
            #expect(venue.executedQty == Fixed("0.02")!)
            // Nothing stays locked: the unfilled half's reservation was released on cancel.
            #expect(await server.state.balance("USDT").locked == .zero)
            #expect(await server.state.balance("USDT").free == 100_000 - 980)
            #expect(await server.state.balance("BTC").free == 1 + Fixed("0.02")! - Fixed("0.00002")!)
        }
    }

    @Test("kraken: a resting order fills in executions (vol_exec grows, open), each one fill, then a cancel")
    func krakenRestingOrderPartiallyFilledThenCanceled() async throws {
        try await withStreamingKraken(fillSlices: 4) { server, exchange, recorder in
            try await exchange.submit(OrderRequest(clientOrderId: "kp-1", symbol: "BTC/USD", side: .buy, type: .limit,
                                                   quantity: Fixed("0.4")!, limitPrice: Fixed(29_000)))
            server.setPrice(Fixed(28_900), pair: "XBTUSD")
            server.setPrice(Fixed(28_800), pair: "XBTUSD")
            let events = await recorder.wait(for: 3)
            let fills = events.compactMap { event -> Fill? in if case let .filled(fill) = event { fill } else { nil } }
            #expect(fills.map(\.tradeId) == server.accountTrades.map(\.txid))
            #expect(fills.map(\.quantity) == [Fixed("0.1")!, Fixed("0.1")!])
            #expect(fills.allSatisfy { $0.fee == Fixed("4.64")! && $0.price == Fixed(29_000) })
            let order = try #require(try await exchange.order(clientOrderId: "kp-1", symbol: "BTC/USD"))
            #expect(order.status == .partiallyFilled)
            #expect(order.filledQuantity == Fixed("0.2")!)
            #expect(server.orders.first?.status == "open")

            try await exchange.cancel(clientOrderId: "kp-1", symbol: "BTC/USD")
            let all = await recorder.wait(for: 4)
            guard case .canceled = all.last else { Issue.record("expected canceled last, got \(all)"); return }
            let canceled = try #require(try await exchange.order(clientOrderId: "kp-1", symbol: "BTC/USD"))
            #expect(canceled.status == .canceled)
            #expect(canceled.filledQuantity == Fixed("0.2")!)
            let history = try await exchange.fills(symbol: "BTC/USD", since: 0)
            #expect(history.map(\.tradeId).sorted() == fills.map(\.tradeId).sorted())
            #expect(history.allSatisfy { $0.clientOrderId == "kp-1" })
            try await Task.sleep(for: .milliseconds(300))
            #expect(await recorder.events.count == 4)  // accepted, two fills, canceled: nothing twice
        }
    }

    @Test("kraken: a market order executed in three trades maps to three fills and a filled order")
    func krakenMarketOrderInSlices() async throws {
        try await withStreamingKraken(fillSlices: 3) { server, exchange, recorder in
            try await exchange.submit(OrderRequest(clientOrderId: "km-1", symbol: "BTC/USD", side: .buy,
                                                   quantity: Fixed("0.3")!))
            // accepted, three trades (each `partially_filled`, as Kraken may report even the last), then the
            // `filled` update as the last trade once more with the completion.
            let events = await recorder.wait(for: 5)
            let fills = events.compactMap { event -> Fill? in if case let .filled(fill) = event { fill } else { nil } }
            #expect(server.accountTrades.count == 3)
            let trades = server.accountTrades.map(\.txid)
            #expect(fills.map(\.tradeId) == trades + [trades[2]])
            #expect(fills.map(\.orderComplete) == [false, false, false, true])
            #expect(fills.dropLast().map(\.quantity).reduce(Fixed.zero, +) == Fixed("0.3")!)
            let order = try #require(try await exchange.order(clientOrderId: "km-1", symbol: "BTC/USD"))
            #expect(order.status == .filled)
            #expect(order.filledQuantity == Fixed("0.3")!)
            try await Task.sleep(for: .milliseconds(300))
            #expect(await recorder.events.count == 5)
        }
    }

    @Test("kraken: a quote-volume (viqc) market buy in three trades completes only with the filled update; journal and kernel agree")
    func krakenQuoteOrderCompletesOnTheFilledUpdate() async throws {
        try await withStreamingKraken(fillSlices: 3) { server, exchange, recorder in
            let request = OrderRequest(clientOrderId: "kq-1", symbol: "BTC/USD", side: .buy, quantity: .zero,
                                       quoteQuantity: Fixed(9_000))
            let journal = InMemoryOrderJournal()
            try await journal.recordIntent(request, strategy: "s", session: "p", time: 0)
            try await exchange.submit(request)
            // The volume bought with 9,000 USD (fee included, lot-rounded) splits into three slices and a remainder.
            let trades = server.accountTrades.count
            #expect(trades >= 3)
            let events = await recorder.wait(for: trades + 2)
            var states: [JournalOrderState] = []
            for event in events {
                try await journal.record(event)
                if case .filled = event { states.append(try #require(try await journal.order(clientOrderId: "kq-1")).state) }
            }
            #expect(states == Array(repeating: .partiallyFilled, count: trades) + [.filled])
            let order = try #require(try await journal.order(clientOrderId: "kq-1"))
            #expect(order.fills.count == trades)
            #expect(order.filledQuantity == server.accountTrades.map(\.volume).reduce(Fixed.zero, +))
        }
    }

    /// A fake Kraken (100,000 USD, BTC at 30,000) executing each order in `fillSlices` trades, and an exchange
    /// streaming its executions into a recorder, subscribed before `body` runs.
    private func withStreamingKraken(fillSlices: Int,
                                     _ body: (FakeKrakenServer, KrakenExchange, KrakenEventRecorder) async throws -> Void) async throws {
        try await withFakeKraken { server in
            server.setBalance(Fixed(100_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            server.setFillSlices(fillSlices)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            exchange.startStreaming()
            defer { exchange.stopStreaming() }
            #expect(await eventually { server.subscribers(channel: "executions") == 1 })
            try await body(server, exchange, recorder)
        }
    }
}
