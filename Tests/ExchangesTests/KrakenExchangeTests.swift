import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import Exchanges

@Suite struct KrakenExchangeTests {
    func funded(_ server: FakeKrakenServer) {
        server.setBalance(Fixed(100_000), asset: "ZUSD")
        server.setBalance(Fixed(10), asset: "XXBT")
        server.setPrice(Fixed(30_000), pair: "XBTUSD")
    }

    @Test func instrumentsAndBalancesUseUnifiedNames() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            #expect(exchange.name == "kraken")
            #expect(try await exchange.instruments().map(\.symbol) == ["SOL/EUR", "ETH/USD", "BTC/EUR", "BTC/USD"])
            #expect(try await exchange.balances() == [Balance(asset: "BTC", free: Fixed(10)), Balance(asset: "USD", free: Fixed(100_000))])
        }
    }

    @Test func aLimitOrderIsAcknowledgedListedFoundAndCanceled() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            let request = OrderRequest(clientOrderId: "lim-1", symbol: "BTC/USD", side: .buy, type: .limit,
                                       quantity: Fixed("0.5")!, limitPrice: Fixed(29_000))
            try await exchange.submit(request)
            let venueOrder = try #require(server.orders.first)
            #expect(venueOrder.clOrdId == "lim-1")
            #expect(venueOrder.userref == Int64(KrakenOrderMapping.userref(for: "lim-1")))
            #expect(venueOrder.orderType == "limit")
            #expect(venueOrder.price == Fixed(29_000))
            let open = try await exchange.openOrders(symbol: "BTC/USD")
            #expect(open.count == 1)
            #expect(open[0].request.clientOrderId == "lim-1")
            #expect(open[0].request.limitPrice == Fixed(29_000))
            #expect(open[0].request.quantity == Fixed("0.5")!)
            #expect(open[0].status == .accepted)
            #expect(open[0].venueOrderId == venueOrder.txid)
            #expect(try await exchange.openOrders(symbol: "ETH/USD").isEmpty)
            #expect(try await exchange.order(clientOrderId: "lim-1", symbol: "BTC/USD")?.venueOrderId == venueOrder.txid)
            #expect(try await exchange.order(clientOrderId: "nobody", symbol: "BTC/USD") == nil)
            try await exchange.cancel(clientOrderId: "lim-1", symbol: "BTC/USD")
            #expect(try await exchange.order(clientOrderId: "lim-1", symbol: "BTC/USD")?.status == .canceled)
            let events = await recorder.wait(for: 2)
            guard events.count == 2, case let .accepted(id, txid, _) = events[0], case let .canceled(cid, _, _) = events[1] else {
                Issue.record("unexpected events \(events)")
                return
            }
            #expect(id == "lim-1")
            #expect(txid == venueOrder.txid)
            #expect(cid == "lim-1")
        }
    }

    @Test func cancellingAnUnknownOrderIsACancelRejection() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            try await exchange.cancel(clientOrderId: "ghost", symbol: "BTC/USD")
            let events = await recorder.wait(for: 1)
            guard case let .cancelRejected(id, reason, _)? = events.first else { Issue.record("got \(events)"); return }
            #expect(id == "ghost")
            #expect(reason.contains("EOrder:Unknown order"))
        }
    }

    @Test func venueRefusalsBecomeRejectedEvents() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            try await exchange.submit(OrderRequest(clientOrderId: "big", symbol: "BTC/USD", side: .buy, quantity: Fixed(1_000)))
            try await exchange.submit(OrderRequest(clientOrderId: "tiny", symbol: "BTC/USD", side: .buy, quantity: Fixed("0.00001")!))
            try await exchange.submit(OrderRequest(clientOrderId: "fok", symbol: "BTC/USD", side: .buy, type: .limit, quantity: 1,
                                                   limitPrice: 1, timeInForce: .fok))
            try await exchange.submit(OrderRequest(clientOrderId: "nope", symbol: "DOGE/JPY", side: .buy, quantity: 1))
            let events = await recorder.wait(for: 4)
            let reasons = events.compactMap { e -> String? in
                if case let .rejected(id, reason, _) = e { return "\(id): \(reason)" }
                return nil
            }
            #expect(reasons == [
                "big: kraken: insufficient_funds (EOrder:Insufficient funds): AddOrder: EOrder:Insufficient funds",
                "tiny: kraken: invalid_request (EOrder:Order minimum not met): AddOrder: EOrder:Order minimum not met",
                "fok: Kraken spot has no fill-or-kill time in force; use gtc or ioc",
                "nope: unknown symbol DOGE/JPY: Kraken lists no such pair",
            ])
            #expect(server.orders.isEmpty)
        }
    }

    @Test func transientVenueErrorsOnSubmitAreThrownAndMarkedUnknown() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            server.injectError("EService:Unavailable", method: "AddOrder")
            do {
                try await exchange.submit(OrderRequest(clientOrderId: "u1", symbol: "BTC/USD", side: .buy, quantity: Fixed("0.1")!))
                Issue.record("expected an error")
            } catch let error as ExchangeError {
                #expect(error.kind == .unavailable)
                #expect(error.outcomeUnknown)
            }
        }
    }

    @Test func anOrderWhoseAnswerIsLostThrowsOutcomeUnknownAndResubmittingDoesNotDuplicate() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            let recorder = KrakenEventRecorder(exchange.events)
            let request = OrderRequest(clientOrderId: "lost-1", symbol: "BTC/USD", side: .buy, type: .limit, quantity: Fixed("0.2")!,
                                       limitPrice: Fixed(25_000))
            server.dropNextOrderResponse()
            do {
                try await exchange.submit(request)
                Issue.record("expected an error")
            } catch let error as ExchangeError {
                #expect(error.outcomeUnknown)
                #expect(!error.isRetrySafe)
            }
            #expect(server.orders.count == 1)
            // Reconciling: the venue knows the order; submitting again acknowledges it without a second order.
            #expect(try await exchange.order(clientOrderId: "lost-1", symbol: "BTC/USD")?.status == .accepted)
            try await exchange.submit(request)
            #expect(server.orders.count == 1)
            let events = await recorder.wait(for: 1)
            #expect(events == [.accepted(clientOrderId: "lost-1", venueOrderId: server.orders[0].txid, time: events.first?.timeValue ?? 0)])
        }
    }

    @Test func fillsComeFromTradesHistoryWithClientOrderIds() async throws {
        try await withFakeKraken { server in
            funded(server)
            let start = Int64(Date().timeIntervalSince1970 * 1000) - 1_000
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            try await exchange.submit(OrderRequest(clientOrderId: "m1", symbol: "BTC/USD", side: .buy, quantity: Fixed("0.1")!))
            try await exchange.submit(OrderRequest(clientOrderId: "m2", symbol: "BTC/USD", side: .sell, quantity: Fixed("0.3")!))
            // A second process that did not place the orders resolves the ids through QueryOrders.
            let other = try KrakenExchange(configuration: krakenConfiguration(server))
            let fills = try await other.fills(symbol: "BTC/USD", since: start)
            #expect(fills.map(\.clientOrderId) == ["m1", "m2"])
            #expect(fills.map(\.side) == [.buy, .sell])
            #expect(fills.map(\.price) == [Fixed(30_000), Fixed(30_000)])
            #expect(fills.map(\.quantity) == [Fixed("0.1")!, Fixed("0.3")!])
            #expect(fills.map(\.fee) == [Fixed("7.8")!, Fixed("23.4")!])
            #expect(fills.map(\.liquidity) == [.taker, .taker])
            #expect(fills.map(\.tradeId) == server.accountTrades.map(\.txid))
            #expect(server.privateCalls.contains("QueryOrders"))
            #expect(try await other.fills(symbol: "ETH/USD", since: start).isEmpty)
            #expect(try await exchange.balances() == [Balance(asset: "BTC", free: Fixed("9.8")!),
                                                      Balance(asset: "USD", free: Fixed("105968.8")!)])
        }
    }

    @Test func stopLossTriggersWhenThePriceFalls() async throws {
        try await withFakeKraken { server in
            funded(server)
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server))
            try await exchange.submit(OrderRequest(clientOrderId: "stop", symbol: "BTC/USD", side: .sell, type: .stopMarket,
                                                   quantity: Fixed(1), stopPrice: Fixed(29_000)))
            server.setPrice(Fixed(29_500), pair: "XBTUSD")
            #expect(try await exchange.order(clientOrderId: "stop", symbol: "BTC/USD")?.status == .accepted)
            server.setPrice(Fixed(28_900), pair: "XBTUSD")
            let order = try #require(try await exchange.order(clientOrderId: "stop", symbol: "BTC/USD"))
            #expect(order.status == .filled)
            #expect(order.request.type == .stopMarket)
            #expect(order.request.stopPrice == Fixed(29_000))
            #expect(order.filledQuantity == Fixed(1))
            #expect(order.filledNotional == Fixed(28_900))
        }
    }
}

extension ExecutionEvent {
    var timeValue: Int64 {
        switch self {
        case let .accepted(_, _, t), let .rejected(_, _, t), let .triggered(_, t), let .canceled(_, _, t),
             let .cancelRejected(_, _, t), let .expired(_, _, t): return t
        case let .filled(f): return f.time
        }
    }
}

@Suite struct KrakenTimeoutAndProcessTests {
    @Test func anOrderAnsweredTooLateIsATimeoutWithUnknownOutcome() async throws {
        try await withFakeKraken { server in
            server.setBalance(Fixed(100_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server, requestTimeout: 2))
            _ = try await settled { try await exchange.instruments() }
            server.delayNextOrderResponse(seconds: 6)
            do {
                try await exchange.submit(OrderRequest(clientOrderId: "slow", symbol: "BTC/USD", side: .buy, quantity: Fixed("0.1")!))
                Issue.record("expected an error")
            } catch let error as ExchangeError {
                #expect(error.kind == .timeout)
                #expect(error.outcomeUnknown)
            }
            #expect(server.orders.map(\.clOrdId) == ["slow"])
            #expect(try await exchange.order(clientOrderId: "slow", symbol: "BTC/USD")?.status == .filled)
        }
    }
}
