import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import Exchanges

@Suite struct KrakenWebSocketTests {
    @Test func executionsChannelDeliversAcknowledgementAndFillOnce() async throws {
        try await withFakeKraken { server in
            server.setBalance(Fixed(100_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            exchange.startStreaming()
            defer { exchange.stopStreaming() }
            #expect(await eventually { server.subscribers(channel: "executions") == 1 })
            try await exchange.submit(OrderRequest(clientOrderId: "ws-1", symbol: "BTC/USD", side: .buy, type: .limit,
                                                   quantity: Fixed("0.5")!, limitPrice: Fixed(29_000)))
            server.setPrice(Fixed(28_950), pair: "XBTUSD")
            let events = await recorder.wait(for: 2)
            let trade = try #require(server.accountTrades.first)
            #expect(events.count == 2)
            #expect(events.first?.clientOrderId == "ws-1")
            guard events.count == 2, case .accepted = events[0], case let .filled(fill) = events[1] else {
                Issue.record("unexpected events \(events)")
                return
            }
            #expect(fill == Fill(tradeId: trade.txid, clientOrderId: "ws-1", venueOrderId: trade.orderTxid, symbol: "BTC/USD",
                                 side: .buy, price: Fixed(29_000), quantity: Fixed("0.5")!, fee: Fixed("23.2")!,
                                 liquidity: .maker, time: fill.time).completing(true))
            // Nothing else arrives: the WebSocket "new" duplicate of the REST acknowledgement was dropped.
            try await Task.sleep(for: .milliseconds(300))
            #expect(await recorder.events.count == 2)
        }
    }

    @Test func fillsMissedWhileDisconnectedAreBackfilledAfterReconnect() async throws {
        try await withFakeKraken { server in
            server.setBalance(Fixed(100_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            exchange.startStreaming()
            defer { exchange.stopStreaming() }
            #expect(await eventually { server.subscribers(channel: "executions") == 1 })
            try await exchange.submit(OrderRequest(clientOrderId: "gap-1", symbol: "BTC/USD", side: .buy, type: .limit,
                                                   quantity: Fixed("0.25")!, limitPrice: Fixed(29_000)))
            server.forceDisconnect()
            // Filled while nobody listens.
            server.setPrice(Fixed(28_000), pair: "XBTUSD")
            #expect(server.accountTrades.count == 1)
            let events = await recorder.wait(for: 2)
            #expect(events.count == 2)
            guard events.count == 2, case let .filled(fill) = events[1] else { Issue.record("got \(events)"); return }
            #expect(fill.clientOrderId == "gap-1")
            #expect(fill.tradeId == server.accountTrades[0].txid)
            #expect(fill.price == Fixed(29_000))
            #expect(server.privateCalls.filter { $0 == "GetWebSocketsToken" }.count == 2)
            #expect(server.privateCalls.contains("TradesHistory"))
        }
    }

    @Test func closedBarsStreamAndBarsMissedDuringADisconnectAreBackfilled() async throws {
        try await withFakeKraken { server in
            let source = try KrakenMarketDataSource(configuration: krakenConfiguration(server))
            let t0 = minuteStart(minutesAgo: 30)
            let bars = BarBox()
            let task = Task {
                for try await bar in source.bars(symbol: "BTC/USD", timeframe: .oneMinute) { await bars.append(bar) }
            }
            defer { task.cancel() }
            #expect(await eventually { server.subscribers(channel: "ohlc") == 1 })
            server.recordPublicTrades([trade(price: "100", volume: "1", atMillis: t0 + 5_000),
                                       trade(price: "102", volume: "1", atMillis: t0 + 6_000)], pair: "XBTUSD")
            server.recordPublicTrades([trade(price: "103", volume: "2", atMillis: t0 + 60_000 + 1_000)], pair: "XBTUSD")
            #expect(await eventually { await bars.values.count == 1 })
            #expect(await bars.values == [Bar(time: t0, open: 100, high: 102, low: 100, close: 102, volume: 2)])
            server.forceDisconnect()
            // While disconnected: minute 1 gets another trade, minutes 2 and 3 trade.
            server.recordPublicTrades([trade(price: "99", volume: "1", atMillis: t0 + 60_000 + 30_000),
                                       trade(price: "104", volume: "1", atMillis: t0 + 120_000 + 1_000),
                                       trade(price: "105", volume: "3", atMillis: t0 + 180_000 + 1_000)], pair: "XBTUSD")
            #expect(await eventually { server.subscribers(channel: "ohlc") == 1 })
            server.recordPublicTrades([trade(price: "106", volume: "1", atMillis: t0 + 240_000 + 1_000)], pair: "XBTUSD")
            #expect(await eventually { await bars.values.count == 4 })
            #expect(await bars.values == [
                Bar(time: t0, open: 100, high: 102, low: 100, close: 102, volume: 2),
                Bar(time: t0 + 60_000, open: 103, high: 103, low: 99, close: 99, volume: 3),
                Bar(time: t0 + 120_000, open: 104, high: 104, low: 104, close: 104, volume: 1),
                Bar(time: t0 + 180_000, open: 105, high: 105, low: 105, close: 105, volume: 3),
            ])
        }
    }

    @Test func tradesMissedDuringADisconnectAreBackfilledInOrder() async throws {
        try await withFakeKraken { server in
            let source = try KrakenMarketDataSource(configuration: krakenConfiguration(server))
            let t0 = minuteStart(minutesAgo: 10)
            let ids = IdBox()
            let task = Task {
                for try await t in source.trades(symbol: "BTC/USD") { await ids.append(t.id) }
            }
            defer { task.cancel() }
            #expect(await eventually { server.subscribers(channel: "trade") == 1 })
            server.recordPublicTrades([trade(price: "100", volume: "1", atMillis: t0), trade(price: "101", volume: "1", atMillis: t0 + 1)],
                                      pair: "XBTUSD")
            #expect(await eventually { await ids.values == [1, 2] })
            server.forceDisconnect()
            server.recordPublicTrades((2..<6).map { trade(price: "102", volume: "1", atMillis: t0 + $0) }, pair: "XBTUSD")
            #expect(await eventually { server.subscribers(channel: "trade") == 1 })
            server.recordPublicTrades([trade(price: "103", volume: "1", atMillis: t0 + 10)], pair: "XBTUSD")
            #expect(await eventually { await ids.values.count == 7 })
            #expect(await ids.values == [1, 2, 3, 4, 5, 6, 7])
        }
    }

    @Test func aSilentConnectionIsDroppedAndReplaced() async throws {
        try await withFakeKraken { server in
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            exchange.startStreaming()
            defer { exchange.stopStreaming() }
            #expect(await eventually { server.subscribers(channel: "executions") == 1 })
            #expect(server.webSocketsOpened == 1)
            // No heartbeats, no pongs: after `staleAfter` (3 s here) the client gives up on the connection.
            server.setSilent(true)
            #expect(await eventually { server.webSocketsOpened >= 2 })
            server.setSilent(false)
            #expect(await eventually { server.subscribers(channel: "executions") == 1 })
        }
    }

    @Test func unsupportedTimeframesFailAtOnce() async throws {
        try await withFakeKraken { server in
            let source = try KrakenMarketDataSource(configuration: krakenConfiguration(server))
            do {
                for try await _ in source.bars(symbol: "BTC/USD", timeframe: Timeframe("2m")!) {}
                Issue.record("expected an error")
            } catch let error as ExchangeError {
                #expect(error.kind == .invalidRequest)
                #expect(error.message.contains("timeframe 2m is not offered"))
            }
        }
    }

    @Test func theAssemblerClosesBarsAndAsksForBackfillAfterGapsAndReconnects() {
        var a = KrakenBarAssembler(intervalMillis: 60_000)
        let b0 = Bar(time: 0, open: 1, high: 1, low: 1, close: 1, volume: 1)
        #expect(a.update(b0).closed == nil)
        #expect(a.update(Bar(time: 0, open: 1, high: 2, low: 1, close: 2, volume: 2)).closed == nil)
        let step = a.update(Bar(time: 60_000, open: 2, high: 2, low: 2, close: 2, volume: 1))
        #expect(step.closed == Bar(time: 0, open: 1, high: 2, low: 1, close: 2, volume: 2))
        #expect(step.backfill == nil)
        let skipped = a.update(Bar(time: 240_000, open: 3, high: 3, low: 3, close: 3, volume: 1))
        #expect(skipped.closed?.time == 60_000)
        #expect(skipped.backfill?.after == 60_000)
        #expect(skipped.backfill?.before == 240_000)
        a.markReconnected()
        let afterReconnect = a.update(Bar(time: 300_000, open: 4, high: 4, low: 4, close: 4, volume: 1))
        #expect(afterReconnect.closed == nil)
        #expect(afterReconnect.backfill?.after == 60_000)
        #expect(afterReconnect.backfill?.before == 300_000)
    }
}

actor BarBox {
    var values: [Bar] = []
    func append(_ b: Bar) { values.append(b) }
}

actor IdBox {
    var values: [Int64] = []
    func append(_ id: Int64) { values.append(id) }
}
