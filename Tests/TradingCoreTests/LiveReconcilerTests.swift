import Testing
import TradingCore
import TradingModel

/// One crash point: what the journal had durable, what the venue had, and what reconciliation must conclude.
struct CrashPoint: Sendable, CustomStringConvertible {
    var name: String
    var journalState: JournalOrderState
    var journalFills: [String]
    var venueStatus: OrderStatus?
    var venueFills: [String]
    var expectedState: JournalOrderState
    var expectedFilled: String
    var adopted: [String]
    var acknowledged: Bool
    var failed: Bool
    var closedOut: Bool
    var stillOpen: Bool
    var description: String { name }
}

@Suite("Live reconciliation")
struct LiveReconcilerTests {
    static let id = "gw-1"

    static let table: [CrashPoint] = [
        CrashPoint(name: "crash before send: the venue never saw the intent", journalState: .intent, journalFills: [],
                   venueStatus: nil, venueFills: [], expectedState: .failed, expectedFilled: "0", adopted: [],
                   acknowledged: false, failed: true, closedOut: false, stillOpen: false),
        CrashPoint(name: "crash after send before ack: the order works at the venue", journalState: .intent,
                   journalFills: [], venueStatus: .accepted, venueFills: [], expectedState: .accepted,
                   expectedFilled: "0", adopted: [], acknowledged: true, failed: false, closedOut: false, stillOpen: true),
        CrashPoint(name: "crash after send before ack: it filled while down", journalState: .intent, journalFills: [],
                   venueStatus: .filled, venueFills: ["t1"], expectedState: .filled, expectedFilled: "1",
                   adopted: ["t1"], acknowledged: true, failed: false, closedOut: false, stillOpen: false),
        CrashPoint(name: "crash after ack before fill: it filled while down", journalState: .accepted, journalFills: [],
                   venueStatus: .filled, venueFills: ["t1"], expectedState: .filled, expectedFilled: "1",
                   adopted: ["t1"], acknowledged: false, failed: false, closedOut: false, stillOpen: false),
        CrashPoint(name: "crash when partially filled: one more fill while down, still working",
                   journalState: .partiallyFilled, journalFills: ["t1"], venueStatus: .partiallyFilled,
                   venueFills: ["t1", "t2"], expectedState: .partiallyFilled, expectedFilled: "0.5", adopted: ["t2"],
                   acknowledged: false, failed: false, closedOut: false, stillOpen: true),
        CrashPoint(name: "crash after ack: canceled at the venue while down", journalState: .accepted, journalFills: [],
                   venueStatus: .canceled, venueFills: [], expectedState: .canceled, expectedFilled: "0", adopted: [],
                   acknowledged: false, failed: false, closedOut: true, stillOpen: false),
        CrashPoint(name: "crash after ack: the venue no longer has the order", journalState: .accepted, journalFills: [],
                   venueStatus: nil, venueFills: [], expectedState: .closedOut, expectedFilled: "0", adopted: [],
                   acknowledged: false, failed: false, closedOut: true, stillOpen: false),
    ]

    @Test("every crash point reconciles to the venue's truth without submitting anything", arguments: table)
    func crashPoint(_ point: CrashPoint) async throws {
        let journal = InMemoryOrderJournal()
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let request = LiveFixture.request(Self.id, type: .limit, quantity: "1")
        let fills = ["t1": LiveFixture.fill(Self.id, trade: "t1", quantity: "0.25"),
                     "t2": LiveFixture.fill(Self.id, trade: "t2", quantity: point.venueStatus == .filled ? "0.75" : "0.25")]
        let venueFills = point.venueFills.map { trade in
            point.venueStatus == .filled && point.venueFills.count == 1 ? LiveFixture.fill(Self.id, trade: trade, quantity: "1")
                : fills[trade]!
        }
        try await journal.recordIntent(request, strategy: "s", session: "paper-1", time: 1_000)
        if point.journalState != .intent {
            try await journal.record(.accepted(clientOrderId: Self.id, venueOrderId: "v-\(Self.id)", time: 1_100))
        }
        for trade in point.journalFills { try await journal.record(.filled(fills[trade]!)) }
        if let status = point.venueStatus { await venue.seed(request, status: status, fills: venueFills) }

        let report = try await Reconciler(journal: journal, exchange: venue, clock: VirtualClock(start: 5_000)).reconcile()

        let entry = try #require(try await journal.order(clientOrderId: Self.id))
        #expect(entry.state == point.expectedState)
        #expect(entry.filledQuantity == Fixed(point.expectedFilled)!)
        #expect(report.checked == 1)
        #expect(report.adoptedFills.map(\.tradeId) == point.adopted)
        #expect(report.acknowledged == (point.acknowledged ? [Self.id] : []))
        #expect(report.failedIntents == (point.failed ? [Self.id] : []))
        #expect(report.closedOut == (point.closedOut ? [Self.id] : []))
        #expect(report.stillOpen == (point.stillOpen ? [Self.id] : []))
        #expect(await venue.submits == 0)
    }

    @Test("reconciling twice changes nothing the second time")
    func idempotent() async throws {
        let journal = InMemoryOrderJournal()
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let request = LiveFixture.request(Self.id, type: .limit)
        try await journal.recordIntent(request, strategy: "s", session: "p", time: 1_000)
        await venue.seed(request, status: .filled, fills: [LiveFixture.fill(Self.id, trade: "t1", quantity: "1")])
        let reconciler = Reconciler(journal: journal, exchange: venue, clock: VirtualClock(start: 5_000))
        let first = try await reconciler.reconcile()
        let second = try await reconciler.reconcile()
        #expect(first.adoptedFills.count == 1)
        #expect(second.checked == 0)
        #expect(second.isClean)
        #expect(try await journal.order(clientOrderId: Self.id)?.fills.count == 1)
    }

    @Test("orders open at the venue that the journal never sent are reported and left alone")
    func unknownVenueOrders() async throws {
        let journal = InMemoryOrderJournal()
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        await venue.seed(LiveFixture.request("someone-else", type: .limit), status: .accepted)
        let report = try await Reconciler(journal: journal, exchange: venue).reconcile()
        #expect(report.unknownAtVenue == ["someone-else"])
        #expect(try await venue.openOrders(symbol: nil).count == 1)
        #expect(report.description.contains("open at the venue but not in the journal, left alone (1): someone-else"))
    }

    /// A quote-quantity market buy (`quoteOrderQty` 300): its base quantity is only what the venue executed.
    static func quoteRequest(_ id: String) -> OrderRequest {
        OrderRequest(clientOrderId: id, symbol: "BTC/USDT", side: .buy, type: .market, quantity: .zero, quoteQuantity: Fixed(300))
    }

    @Test("a quote-quantity order is partially filled in the journal until a fill says the order is complete")
    func quoteOrderWaitsForTheVenuesCompletion() async throws {
        let journal = InMemoryOrderJournal()
        try await journal.recordIntent(Self.quoteRequest(Self.id), strategy: "s", session: "p", time: 1_000)
        try await journal.record(.filled(LiveFixture.fill(Self.id, trade: "t1", quantity: "1").completing(false)))
        #expect(try await journal.order(clientOrderId: Self.id)?.state == .partiallyFilled)
        // A trade list's fill does not say: still partially filled.
        try await journal.record(.filled(LiveFixture.fill(Self.id, trade: "t2", quantity: "1")))
        #expect(try await journal.order(clientOrderId: Self.id)?.state == .partiallyFilled)
        #expect(try await journal.record(.filled(LiveFixture.fill(Self.id, trade: "t3", quantity: "1").completing(true))))
        let order = try #require(try await journal.order(clientOrderId: Self.id))
        #expect(order.state == .filled)
        #expect(order.filledQuantity == Fixed(3))
    }

    /// A quote-quantity order executed as `count` one-unit trades, the first `journaled` of them journaled as not
    /// completing it, and the venue holding the order with `status` and every trade.
    static func quoteScenario(trades count: Int, journaled: Int, venueStatus status: OrderStatus) async throws
        -> (journal: InMemoryOrderJournal, venue: LiveFakeExchange, trades: [Fill]) {
        let journal = InMemoryOrderJournal()
        let venue = LiveFakeExchange(instruments: [LiveFixture.btc])
        let request = Self.quoteRequest(Self.id)
        let trades = (1...count).map { LiveFixture.fill(Self.id, trade: "t\($0)", quantity: "1", time: 1_500 + Int64($0)) }
        try await journal.recordIntent(request, strategy: "s", session: "p", time: 1_000)
        try await journal.record(.accepted(clientOrderId: Self.id, venueOrderId: "v-\(Self.id)", time: 1_100))
        for trade in trades.prefix(journaled) { try await journal.record(.filled(trade.completing(false))) }
        await venue.seed(request, status: status, fills: trades)
        return (journal, venue, trades)
    }

    static func reconcile(_ journal: InMemoryOrderJournal, _ venue: LiveFakeExchange) async throws -> ReconciliationReport {
        try await Reconciler(journal: journal, exchange: venue, clock: VirtualClock(start: 5_000)).reconcile()
    }

    @Test("killed between the trades of a quote-quantity order: the trades missed are adopted and the venue's FILLED completes it")
    func quoteOrderKilledBetweenSlices() async throws {
        let (journal, venue, _) = try await Self.quoteScenario(trades: 3, journaled: 1, venueStatus: .filled)
        let report = try await Self.reconcile(journal, venue)
        #expect(report.checked == 1)
        #expect(report.adoptedFills.map(\.tradeId) == ["t2", "t3"])
        #expect(report.adoptedFills.map(\.orderComplete) == [false, true])
        #expect(report.mismatches.isEmpty)
        let order = try #require(try await journal.order(clientOrderId: Self.id))
        #expect(order.state == .filled)
        #expect(order.filledQuantity == Fixed(3))
        #expect(try await journal.unfinishedOrders().isEmpty)
    }

    @Test("a quote-quantity order still executing at the venue stays partially filled and is checked again")
    func quoteOrderStillExecuting() async throws {
        let (journal, venue, _) = try await Self.quoteScenario(trades: 2, journaled: 1, venueStatus: .partiallyFilled)
        let report = try await Self.reconcile(journal, venue)
        #expect(report.adoptedFills.map(\.orderComplete) == [false])
        #expect(report.stillOpen == [Self.id])
        #expect(try await journal.order(clientOrderId: Self.id)?.state == .partiallyFilled)
    }

    @Test("every fill known but the completion missed: the venue's FILLED completes the order, reported once")
    func quoteOrderCompletionMissed() async throws {
        let (journal, venue, trades) = try await Self.quoteScenario(trades: 2, journaled: 2, venueStatus: .filled)
        let report = try await Self.reconcile(journal, venue)
        #expect(report.adoptedFills.isEmpty)
        #expect(report.completed == [Self.id])
        #expect(report.events == [.filled(trades[1].completing(true))])
        #expect(report.description.contains("completed (the venue says filled) (1): \(Self.id)"))
        #expect(try await journal.order(clientOrderId: Self.id)?.state == .filled)
        #expect(try await Self.reconcile(journal, venue).isClean)
    }

    @Test("the venue says filled but its trade history lacks a fill: a mismatch, the order stays unfinished")
    func quoteOrderMissingFillIsAMismatch() async throws {
        let (journal, venue, _) = try await Self.quoteScenario(trades: 2, journaled: 1, venueStatus: .filled)
        await venue.forgetFill("t2")
        let report = try await Self.reconcile(journal, venue)
        #expect(report.mismatches == ["\(Self.id): \(venue.name) says filled 2, its trade history shows 1"])
        #expect(try await journal.order(clientOrderId: Self.id)?.state == .partiallyFilled)
    }
}
