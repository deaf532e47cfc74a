import Foundation
import KnowledgeGraph
import Persistence
import Testing
import TradingCore
import TradingModel

/// Buys 1 on bar 2, adds 1 on bar 3 and sells 2 on bar 5: one position opened, added to and closed.
struct PositionScriptStrategy: Strategy {
    static let name = "position_script"
    static let summary = "buy 1 on bar 2, buy 1 on bar 3, sell 2 on bar 5"
    static let parameterSpace = ParameterSpace([])
    var seen = 0
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        seen += 1
        if seen == 2 { context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1), tag: "open")) }
        if seen == 3 { context.place(OrderSpec(instrument: instrument, side: .buy, quantity: Fixed(1), tag: "add")) }
        if seen == 5 { context.place(OrderSpec(instrument: instrument, side: .sell, quantity: Fixed(2), tag: "close")) }
    }
}

@Suite("Session provenance: the position every fill leaves is in the graph")
struct SessionPositionProvenanceTests {
    static func price(_ node: GraphNode, _ key: String) throws -> Fixed {
        try #require(node.properties[key]?.stringValue.flatMap { Fixed($0) }, "\(key) of \(node.id)")
    }

    @Test("opened, added to and closed: one Position node every fill UPDATED, OPENED_BY and CLOSED_BY its orders")
    func openAddClose() async throws {
        try await SessionProvenanceTests.withRecordedSession(PositionScriptStrategy.self) { graph, writer in
            #expect(writer.statistics.failed == 0)
            #expect(writer.statistics.dropped == 0)
            let open = try await ProvenanceQuery.why(orderId: "pv-1", in: graph)
            let add = try await ProvenanceQuery.why(orderId: "pv-2", in: graph)
            let close = try await ProvenanceQuery.why(orderId: "pv-3", in: graph)
            let openFill = try #require(open.fills.first), addFill = try #require(add.fills.first)
            let closeFill = try #require(close.fills.first)
            // One life of the position: one node, keyed by the run, the symbol and the opening fill's time.
            let position = try #require(open.positions.first)
            let openedAt = try #require(openFill.properties["time"]?.intValue)
            #expect(position.id == PositionRecord.id(runId: "prov-test", symbol: "BTC/USDT", openedAt: openedAt))
            #expect(open.positions.map(\.id) == [position.id])
            #expect(add.positions.map(\.id) == [position.id])
            #expect(close.positions.map(\.id) == [position.id])
            // It shows the state the last fill left: flat, with the round trip's realized profit.
            #expect(position.properties["status"]?.stringValue == "closed")
            #expect(position.properties["quantity"]?.stringValue == "0")
            #expect(position.properties["opened_at"] == .int(openedAt))
            #expect(position.properties["run_id"]?.stringValue == "prov-test")
            let entry = (try Self.price(openFill, "price") + Self.price(addFill, "price")) / Fixed(2)
            let realized = (try Self.price(closeFill, "price") - entry) * Fixed(2)
            #expect(try Self.price(position, "realized_pnl") == realized)
            // Opened by the first order, closed by the last, and `graph why` shows it under each fill.
            let links = try await graph.neighbours(of: position.ref, type: nil, direction: .outgoing)
            #expect(links.filter { $0.relationship.type == GraphSchema.openedBy }.map(\.node.id) == ["pv-1"])
            #expect(links.filter { $0.relationship.type == GraphSchema.closedBy }.map(\.node.id) == ["pv-3"])
            let updaters = try await graph.neighbours(of: position.ref, type: GraphSchema.updated, direction: .incoming)
            #expect(Set(updaters.map(\.node.id)) == Set([openFill.id, addFill.id, closeFill.id]))
            #expect(open.lines().contains { $0.contains("UPDATED → Position \(position.id)") })
        }
    }

    @Test("each fill's record carries the position after it: quantity, average entry and realized P&L")
    func recordsFollowTheLedger() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-pos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let feed = try await SQLStore.withStore(path: directory.appendingPathComponent("graph.sqlite").path,
                                                migrations: EmbeddedGraphStore.migrations) { sql in
            // Records are built, not written: the writer is never run.
            SessionProvenanceFeed(writer: ProvenanceWriter(store: EmbeddedGraphStore(store: sql), runId: "r"), strategy: "s")
        }
        func fill(_ id: String, _ side: OrderSide, _ quantity: Int, _ price: Int, _ time: Int64) -> Fill {
            Fill(tradeId: "t", clientOrderId: id, venueOrderId: "v-\(id)", symbol: "ETH/USDT", side: side,
                 price: Fixed(price), quantity: Fixed(quantity), fee: .zero, liquidity: .taker, time: time)
        }
        var ledger = Position(symbol: "ETH/USDT")
        func step(_ fill: Fill) -> [PositionRecord] {
            ledger.apply(side: fill.side, quantity: fill.quantity, price: fill.price, time: fill.time)
            return feed.positionRecords(ledger, after: fill)
        }
        let opened = step(fill("a", .buy, 2, 100, 10))
        #expect(opened.map(\.id) == ["r/ETH/USDT/10"])
        #expect(opened.first?.orderId == "a")
        #expect(opened.first?.fillId == "a/t")
        #expect(opened.first?.position.quantity == Fixed(2))
        let increased = step(fill("b", .buy, 2, 110, 20))
        #expect(increased.map(\.id) == ["r/ETH/USDT/10"])
        #expect(increased.first?.orderId == nil)
        #expect(increased.first?.position.averageEntryPrice == Fixed(105))
        // Selling 6 of 4 closes the position (realizing 4 × 15) and opens a short of 2 at 120.
        let flipped = step(fill("c", .sell, 6, 120, 30))
        #expect(flipped.map(\.id) == ["r/ETH/USDT/10", "r/ETH/USDT/30"])
        #expect(flipped.map(\.orderId) == ["c", "c"])
        #expect(flipped.first?.position.isFlat == true)
        #expect(flipped.first?.position.realizedPnl == Fixed(60))
        #expect(flipped.first?.position.openedAt == 10)
        #expect(flipped.last?.position.quantity == Fixed(-2))
        #expect(flipped.last?.position.realizedPnl == .zero, "the short has realized nothing yet")
        // Buying back 2 at 115 realizes 2 × 5 on the short (the ledger's total for the symbol is now 70).
        let closed = step(fill("d", .buy, 2, 115, 40))
        #expect(ledger.realizedPnl == Fixed(70))
        #expect(closed.map(\.id) == ["r/ETH/USDT/30"])
        #expect(closed.first?.position.realizedPnl == Fixed(10))
        #expect(closed.first?.position.isFlat == true)

        // A position the feed never saw open (held before the session's feed started): its first fill here adds
        // to it without claiming to open it; the fill that closes it is its CLOSED_BY.
        var held = Position(symbol: "SOL/USDT")
        held.apply(side: .buy, quantity: Fixed(3), price: Fixed(20), time: 5)
        let other = Fill(tradeId: "t", clientOrderId: "e", venueOrderId: "v-e", symbol: "SOL/USDT", side: .buy,
                         price: Fixed(22), quantity: Fixed(1), fee: .zero, liquidity: .taker, time: 50)
        held.apply(side: other.side, quantity: other.quantity, price: other.price, time: other.time)
        let added = feed.positionRecords(held, after: other)
        #expect(added.map(\.id) == ["r/SOL/USDT/5"])
        #expect(added.first?.orderId == nil)
        #expect(added.first?.position.quantity == Fixed(4))
    }
}
