import Foundation
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import Exchanges

@Suite struct KrakenRateLimiterTests {
    @Test func theCounterBooksCallsInOrderAndSaysHowLongEachMustWait() {
        var counter = KrakenDecayingCounter(limit: 3, decayPerSecond: 0.5)
        #expect(counter.reserve(cost: 1, now: 0) == 0)
        #expect(counter.reserve(cost: 1, now: 0) == 0)
        #expect(counter.reserve(cost: 1, now: 0) == 0)
        #expect(counter.reserve(cost: 1, now: 0) == 2)
        #expect(counter.reserve(cost: 2, now: 0) == 6)
        // Four seconds later two units decayed: the counter stands at 4, one above the limit.
        #expect(counter.reserve(cost: 0, now: 4) == 2)
        #expect(counter.value(at: 100) == 0)
    }

    @Test func ledgerAndTradeHistoryCallsCostTwoAndOrdersUseTheTradingCounter() {
        #expect(KrakenRateTier.callCost(method: "TradesHistory") == 2)
        #expect(KrakenRateTier.callCost(method: "Ledgers") == 2)
        #expect(KrakenRateTier.callCost(method: "Balance") == 1)
        #expect(KrakenRateTier.callCost(method: "AddOrder") == 0)
        #expect([1, 7, 12, 30, 60, 200, 400].map { KrakenRateTier.cancelCost(ageSeconds: $0) } == [8, 6, 5, 4, 2, 1, 0])
        #expect(KrakenRateTier.starter.callCounterMax == 15)
        #expect(KrakenRateTier.starter.callDecayPerSecond == 0.33)
        #expect(KrakenRateTier.intermediate.callCounterMax == 20)
        #expect(KrakenRateTier.intermediate.callDecayPerSecond == 0.5)
    }

    static let tight = FakeKrakenLimits(callCounterMax: 6, callDecayPerSecond: 12, tradingCounterMax: 4, tradingDecayPerSecond: 10)
    static let tightTier = KrakenRateTier(callCounterMax: 6, callDecayPerSecond: 12, tradingCounterMax: 4, tradingDecayPerSecond: 10)

    @Test func manyConcurrentCallersNeverHitTheVenueRateLimit() async throws {
        try await withFakeKraken(limits: Self.tight) { server in
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server, tier: Self.tightTier))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<30 {
                    group.addTask {
                        if i % 3 == 0 { _ = try await rest.tradesHistory() } else { _ = try await rest.balance() }
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.rateLimitRejections == 0)
            #expect(server.nonceRejections == 0)
            #expect(server.privateCalls.count == 30)
        }
    }

    @Test func aClientThatAssumesAHigherTierIsRefusedByTheVenue() async throws {
        let slow = FakeKrakenLimits(callCounterMax: 6, callDecayPerSecond: 0.5, tradingCounterMax: 4, tradingDecayPerSecond: 1)
        try await withFakeKraken(limits: slow) { server in
            let rest = try KrakenRESTClient(configuration: krakenConfiguration(server))
            var refused = 0
            for _ in 0..<20 {
                do { _ = try await rest.balance() } catch let error as ExchangeError where error.kind == .rateLimited { refused += 1 }
            }
            #expect(refused > 0)
            #expect(server.rateLimitRejections == refused)
        }
    }

    @Test func concurrentOrdersOnOnePairStayUnderTheTradingCounter() async throws {
        try await withFakeKraken(limits: Self.tight) { server in
            server.setBalance(Fixed(1_000_000), asset: "ZUSD")
            server.setPrice(Fixed(30_000), pair: "XBTUSD")
            let exchange = try KrakenExchange(configuration: krakenConfiguration(server, tier: Self.tightTier))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<16 {
                    group.addTask {
                        try await exchange.submit(OrderRequest(clientOrderId: "c\(i)", symbol: "BTC/USD", side: .buy, type: .limit,
                                                               quantity: Fixed("0.01")!, limitPrice: Fixed(20_000)))
                    }
                }
                try await group.waitForAll()
            }
            #expect(server.rateLimitRejections == 0)
            #expect(server.orders.count == 16)
        }
    }
}
