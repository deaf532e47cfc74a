import Foundation
import KnowledgeGraph
import Persistence
import Simulation
import Testing
import TradingCore
import TradingModel

/// Buys 1 on bar 2 (approved) and 1,000 on bar 4 (refused: 100,000 USDT on a 10,000 USDT account), exposing
/// the bar count and a moving value as indicators.
struct ProvenanceScriptStrategy: Strategy, IndicatorReporting {
    static let name = "provenance_script"
    static let summary = "buy 1 on bar 2, buy 1000 on bar 4"
    static let parameterSpace = ParameterSpace([])
    var seen = 0
    var lastClose = Double.nan
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        seen += 1
        lastClose = bar.close
        if seen == 2 { context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1), tag: "probe_buy")) }
        if seen == 4 { context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1_000), tag: "oversized_buy")) }
    }
    func indicatorValues(instrument: Int) -> [String: Double] { ["bars": Double(seen), "last_close": lastClose] }
}

@Suite("Session provenance: signals and risk checks of a running session reach the graph")
struct SessionProvenanceTests {
    static let instrument = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                       minNotional: Fixed(5))

    static func bars(_ count: Int) -> [Bar] {
        (0..<count).map { index in
            let price = 100 + Double(index)
            return Bar(time: 1_700_000_000_000 + Int64(index) * 3_600_000, open: price, high: price + 1, low: price - 1,
                       close: price + 0.5, volume: 10)
        }
    }

    /// Runs a scripted strategy (default ``ProvenanceScriptStrategy``) on the paper venue over 8 bars with a
    /// provenance feed into an embedded graph and returns what `body` reads from it.
    static func withRecordedSession<S: Strategy, T>(
        _ strategy: S.Type = ProvenanceScriptStrategy.self,
        _ body: (EmbeddedGraphStore, ProvenanceWriter) async throws -> T) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-prov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await SQLStore.withStore(path: directory.appendingPathComponent("graph.sqlite").path,
                                            migrations: EmbeddedGraphStore.migrations) { sql in
            let graph = EmbeddedGraphStore(store: sql)
            let writer = ProvenanceWriter(store: graph, runId: "prov-test",
                                          configuration: .init(batchSize: 4, flushInterval: .milliseconds(50)))
            let timeframe = Timeframe.oneHour
            let clock = VirtualClock()
            let paper = try PaperExchange(instruments: [Self.instrument], timeframe: timeframe,
                                          balances: [Balance(asset: "USDT", free: Fixed(10_000))], clock: clock)
            let parameters = try S.parameterSpace.resolve([:], strategy: S.name)
            let session = TradingSession(
                strategy: try S(parameters: parameters), parameters: parameters,
                configuration: TradingSessionConfiguration(sessionId: "prov", symbols: ["BTC/USDT"], timeframe: timeframe,
                                                           sizing: .fixed(Fixed(1)), idPrefix: "pv", cancelOrdersOnStop: false,
                                                           stopWhenFeedEnds: true),
                exchange: paper, marketData: ReplayMarketDataSource(series: ["BTC/USDT": bars(8)]),
                journal: InMemoryOrderJournal(), clock: clock)
            let feed = SessionProvenanceFeed(writer: writer, strategy: S.name)
            let updates = await session.updates()
            let writing = Task { try await writer.run() }
            try await session.start()
            async let fed: Void = feed.run(updates)
            try await session.run()
            await fed
            writer.finish()
            try await writing.value
            return try await body(graph, writer)
        }
    }

    @Test("an approved order: market data, signal with indicators, passed risk check, order and its fill")
    func approvedChain() async throws {
        try await Self.withRecordedSession { graph, writer in
            #expect(writer.statistics.failed == 0)
            #expect(writer.statistics.dropped == 0)
            let why = try await ProvenanceQuery.why(orderId: "pv-1", in: graph)
            #expect(why.strategy?.id == ProvenanceScriptStrategy.name)
            let signal = try #require(why.signal)
            #expect(signal.properties["side"]?.stringValue == "buy")
            #expect(signal.properties["tag"]?.stringValue == "probe_buy")
            #expect(signal.properties["symbol"]?.stringValue == "BTC/USDT")
            #expect(signal.properties["ind_bars"]?.doubleValue == 2)
            #expect(signal.properties["ind_last_close"]?.doubleValue == 101.5)
            // The bar the strategy decided on (the second bar) is the signal's market data.
            #expect(signal.properties["bar_close"]?.doubleValue == 101.5)
            let secondBar: Int64 = 1_700_000_000_000 + 3_600_000
            #expect(signal.properties["bar_time"] == .int(secondBar), "\(String(describing: signal.properties["bar_time"]))")
            #expect(signal.properties["time"] == .int(secondBar), "\(String(describing: signal.properties["time"]))")
            #expect(why.riskVerdict == GraphSchema.approvedBy)
            #expect(why.riskCheck?.properties["passed"]?.boolValue == true)
            #expect(why.riskCheck?.properties["time"] == .int(secondBar))
            #expect(why.riskCheck?.properties["decided_at"]?.intValue != nil)
            let order = try #require(why.order)
            #expect(order.properties["status"]?.stringValue == "filled")
            #expect(order.properties["tag"]?.stringValue == "probe_buy")
            #expect(why.fills.count == 1)
            #expect(why.fills.first?.properties["quantity"]?.stringValue == "1")
            #expect(why.lines().contains { $0.contains("APPROVED_BY") })
        }
    }

    @Test("a refused intent: signal and rejected risk check with code and reason, no order")
    func rejectedIntent() async throws {
        try await Self.withRecordedSession { graph, _ in
            let why = try await ProvenanceQuery.why(orderId: "pv-2", in: graph)
            #expect(why.order == nil)
            #expect(why.fills.isEmpty)
            #expect(why.strategy?.id == ProvenanceScriptStrategy.name)
            let signal = try #require(why.signal)
            #expect(signal.properties["side"]?.stringValue == "buy")
            #expect(signal.properties["tag"]?.stringValue == "oversized_buy")
            #expect(signal.properties["ind_bars"]?.doubleValue == 4)
            #expect(signal.properties["bar_close"]?.doubleValue == 103.5)
            #expect(why.riskVerdict == GraphSchema.rejectedBy)
            let check = try #require(why.riskCheck)
            #expect(check.properties["passed"]?.boolValue == false)
            #expect(check.properties["code"]?.stringValue == "insufficient_balance")
            #expect(check.properties["reason"]?.stringValue?.contains("only") == true)
            // Refusals are queryable by verdict too.
            let refused = try await graph.nodes(label: GraphSchema.riskCheck, where: "code",
                                                equals: .string("insufficient_balance"), limit: 10)
            #expect(refused.map(\.id) == ["pv-2"])
        }
    }

    @Test("nobody listening: the session publishes no decisions and trades as before")
    func noSubscriber() async throws {
        let timeframe = Timeframe.oneHour
        let clock = VirtualClock()
        let paper = try PaperExchange(instruments: [Self.instrument], timeframe: timeframe,
                                      balances: [Balance(asset: "USDT", free: Fixed(10_000))], clock: clock)
        let parameters = try ProvenanceScriptStrategy.parameterSpace.resolve([:], strategy: ProvenanceScriptStrategy.name)
        let session = TradingSession(
            strategy: try ProvenanceScriptStrategy(parameters: parameters), parameters: parameters,
            configuration: TradingSessionConfiguration(sessionId: "quiet", symbols: ["BTC/USDT"], timeframe: timeframe,
                                                       sizing: .fixed(Fixed(1)), idPrefix: "q", cancelOrdersOnStop: false,
                                                       stopWhenFeedEnds: true),
            exchange: paper, marketData: ReplayMarketDataSource(series: ["BTC/USDT": Self.bars(8)]),
            journal: InMemoryOrderJournal(), clock: clock)
        try await session.start()
        try await session.run()
        let snapshot = await session.snapshot()
        #expect(snapshot.fills == 1)
        #expect(snapshot.rejections.map(\.code) == ["insufficient_balance"])
        #expect(snapshot.rejections.first?.tag == "oversized_buy")
        #expect(snapshot.rejections.first?.side == .buy)
    }
}
