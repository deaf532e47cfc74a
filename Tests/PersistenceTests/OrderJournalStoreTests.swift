import Foundation
import Persistence
import Testing
import TradingCore
import TradingModel

@Suite("SQL order journal")
struct OrderJournalStoreTests {
    static func request(_ id: String, quantity: String = "1") -> OrderRequest {
        OrderRequest(clientOrderId: id, symbol: "BTC/USDT", side: .buy, type: .limit, quantity: Fixed(quantity)!,
                     limitPrice: Fixed("99.5")!, tag: "enter")
    }

    static func fill(_ id: String, trade: String, quantity: String) -> Fill {
        Fill(tradeId: trade, clientOrderId: id, venueOrderId: "v1", symbol: "BTC/USDT", side: .buy,
             price: Fixed("99.5")!, quantity: Fixed(quantity)!, fee: Fixed("0.01")!, liquidity: .maker, time: 2_000)
    }

    @Test("intents, acks and fills survive closing and reopening the SQLite file; state is rebuilt exactly")
    func durableAcrossReopen() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("journal.sqlite")
        try await SQLStore.withStore(path: path) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(Self.request("a"), strategy: "sma_cross", session: "paper-1", time: 1_000)
            try await journal.recordIntent(Self.request("b"), strategy: "sma_cross", session: "paper-1", time: 1_001)
            try await journal.recordIntent(Self.request("c"), strategy: "manual", session: "paper-2", time: 1_002)
            try await journal.record(.accepted(clientOrderId: "a", venueOrderId: "v1", time: 1_100))
            try await journal.record(.filled(Self.fill("a", trade: "t1", quantity: "0.4")))
            try await journal.record(.accepted(clientOrderId: "b", venueOrderId: "v2", time: 1_100))
            try await journal.record(.canceled(clientOrderId: "b", reason: "requested", time: 1_200))
        }
        try await SQLStore.withStore(path: path) { store in
            let journal = OrderJournalStore(store: store)
            let a = try #require(try await journal.order(clientOrderId: "a"))
            #expect(a.request == Self.request("a"))
            #expect(a.state == .partiallyFilled)
            #expect(a.venueOrderId == "v1")
            #expect(a.fills == [Self.fill("a", trade: "t1", quantity: "0.4")])
            #expect(a.order.filledQuantity == Fixed("0.4")!)
            #expect(a.order.status == .partiallyFilled)
            #expect(try await journal.order(clientOrderId: "b")?.state == .canceled)
            #expect(try await journal.order(clientOrderId: "b")?.reason == "requested")
            #expect(try await journal.unfinishedOrders().map(\.clientOrderId) == ["a", "c"])
            #expect(try await journal.unfinishedOrders(session: "paper-1").map(\.clientOrderId) == ["a"])
            #expect(try await journal.orders(in: [.intent], session: nil).map(\.strategy) == ["manual"])
            #expect(try await journal.eventKinds(clientOrderId: "a") == ["accepted", "filled"])
        }
    }

    @Test("a fill recorded twice is kept once; events for unknown orders change nothing")
    func idempotentFills() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try await SQLStore.withStore(path: dir.path("j.sqlite")) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(Self.request("a"), strategy: "s", session: "p", time: 1_000)
            #expect(try await journal.record(.filled(Self.fill("a", trade: "t1", quantity: "1"))))
            #expect(try await journal.record(.filled(Self.fill("a", trade: "t1", quantity: "1"))) == false)
            #expect(try await journal.record(.accepted(clientOrderId: "zz", venueOrderId: "v", time: 1)) == false)
            let a = try #require(try await journal.order(clientOrderId: "a"))
            #expect(a.fills.count == 1)
            #expect(a.state == .filled)
        }
    }

    @Test("a quote-quantity order stays partially filled until a fill says it is complete; a known fill coming back as the completion adds no fill row")
    func quoteOrderCompletion() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("q.sqlite")
        let request = OrderRequest(clientOrderId: "q", symbol: "BTC/USDT", side: .buy, type: .market, quantity: .zero,
                                   quoteQuantity: Fixed(500))
        let slice = Self.fill("q", trade: "t1", quantity: "2")
        try await SQLStore.withStore(path: path) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(request, strategy: "s", session: "p", time: 1_000)
            #expect(try await journal.record(.filled(slice.completing(false))))
            #expect(try await journal.order(clientOrderId: "q")?.state == .partiallyFilled)
            #expect(try await journal.record(.filled(slice.completing(true))))
            #expect(try await journal.record(.filled(slice.completing(true))) == false)
        }
        try await SQLStore.withStore(path: path) { store in
            let journal = OrderJournalStore(store: store)
            let q = try #require(try await journal.order(clientOrderId: "q"))
            #expect(q.state == .filled)
            #expect(q.fills.map(\.tradeId) == ["t1"])
            #expect(q.filledQuantity == Fixed(2))
            #expect(try await journal.eventKinds(clientOrderId: "q") == ["filled", "filled"])
        }
    }

    @Test("an id journaled twice is refused, naming the id")
    func duplicateIntent() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try await SQLStore.withStore(path: dir.path("j.sqlite")) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(Self.request("a"), strategy: "s", session: "p", time: 1_000)
            await #expect(throws: PersistenceError.invalidValue(
                field: "order intent clientOrderId", value: "a",
                expected: "an id never journaled before (ids are idempotency keys)")) {
                try await journal.recordIntent(Self.request("a"), strategy: "s", session: "p", time: 1_001)
            }
        }
    }

    @Test("closing marks failed or closed out with the reason, and only with a terminal state")
    func close() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try await SQLStore.withStore(path: dir.path("j.sqlite")) { store in
            let journal = OrderJournalStore(store: store)
            try await journal.recordIntent(Self.request("a"), strategy: "s", session: "p", time: 1_000)
            try await journal.close(clientOrderId: "a", as: .failed, reason: "never reached fake", time: 3_000)
            let a = try #require(try await journal.order(clientOrderId: "a"))
            #expect(a.state == .failed)
            #expect(a.reason == "never reached fake")
            #expect(a.updatedAt == 3_000)
            await #expect(throws: PersistenceError.self) {
                try await journal.close(clientOrderId: "a", as: .accepted, reason: "", time: 1)
            }
            #expect(try await journal.unfinishedOrders().isEmpty)
        }
    }
}
