import KnowledgeGraph
import Testing

/// Behaviour every ``GraphStore`` must have; run against the embedded store always and against a Bolt server
/// when `GRAPHWIZ_BOLT_URL` is set.
enum GraphStoreContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case upsertMergesNodePropertiesAndNullRemovesAKey
    case relationshipUpsertCreatesMissingEndpointsAndMergesProperties
    case neighboursFollowDirectionAndType
    case statsCountNodesByLabelAndRelationshipsByType
    case snapshotHoldsEveryNodeAndRelationshipSorted
    case deleteOlderThanRemovesOnlyOldNodesOfTheLabelWithTheirRelationships
    case batchesLargerThanOneStatementAreWrittenCompletely
    case relationshipsOfTypeAreListedByEndpoints
    case labelsThatAreNotIdentifiersAreRejected
    case valuesOfEveryTypeRoundTrip
    case quotesAndBackslashesInTextRoundTrip
    case nodesWithAPropertyValueAreListedNewestFirst

    var testDescription: String { rawValue }

    static let a = GraphNodeRef(label: "Asset", id: "BTC")
    static let b = GraphNodeRef(label: "Asset", id: "ETH")
    static let m = GraphNodeRef(label: "Market", id: "binance:BTCUSDT")

    func run(on store: any GraphStore) async throws {
        switch self {
        case .upsertMergesNodePropertiesAndNullRemovesAKey:
            try await store.upsert(nodes: [GraphNode(label: "Asset", id: "BTC", properties: ["a": 1, "b": "x"])])
            try await store.upsert(nodes: [GraphNode(label: "Asset", id: "BTC", properties: ["b": "y", "c": 2.5, "a": nil])])
            #expect(try await store.node(Self.a) == GraphNode(label: "Asset", id: "BTC", properties: ["b": "y", "c": 2.5]))
            #expect(try await store.node(Self.b) == nil)

        case .relationshipUpsertCreatesMissingEndpointsAndMergesProperties:
            try await store.upsert(relationships: [GraphRelationship(type: "BASE", from: Self.m, to: Self.a,
                                                                     properties: ["w": 1])])
            try await store.upsert(relationships: [GraphRelationship(type: "BASE", from: Self.m, to: Self.a,
                                                                     properties: ["v": "x"])])
            #expect(try await store.node(Self.m) == GraphNode(label: "Market", id: "binance:BTCUSDT"))
            #expect(try await store.node(Self.a) == GraphNode(label: "Asset", id: "BTC"))
            #expect(try await store.relationships(ofType: "BASE") == [
                GraphRelationship(type: "BASE", from: Self.m, to: Self.a, properties: ["v": "x", "w": 1]),
            ])

        case .neighboursFollowDirectionAndType:
            try await store.write(GraphBatch(
                nodes: [GraphNode(label: "Asset", id: "BTC", properties: ["code": "BTC"]),
                        GraphNode(label: "Asset", id: "USDT"), GraphNode(label: "Market", id: "binance:BTCUSDT")],
                relationships: [
                    GraphRelationship(type: "BASE", from: Self.m, to: Self.a),
                    GraphRelationship(type: "QUOTE", from: Self.m, to: GraphNodeRef(label: "Asset", id: "USDT")),
                ]))
            let outgoing = try await store.neighbours(of: Self.m, type: nil, direction: .outgoing)
            #expect(outgoing.map { "\($0.relationship.type) \($0.node.id)" } == ["BASE BTC", "QUOTE USDT"])
            #expect(outgoing.first?.node.properties == ["code": "BTC"])
            #expect(try await store.neighbours(of: Self.m, type: "QUOTE", direction: .both).map(\.node.id) == ["USDT"])
            #expect(try await store.neighbours(of: Self.m, type: nil, direction: .incoming).isEmpty)
            let incoming = try await store.neighbours(of: Self.a, type: nil, direction: .incoming)
            #expect(incoming == [GraphNeighbour(relationship: GraphRelationship(type: "BASE", from: Self.m, to: Self.a),
                                                node: GraphNode(label: "Market", id: "binance:BTCUSDT"))])
            #expect(try await store.neighbours(of: Self.a, type: nil, direction: .outgoing).isEmpty)

        case .statsCountNodesByLabelAndRelationshipsByType:
            try await store.write(GraphBatch(
                nodes: [GraphNode(label: "Asset", id: "BTC"), GraphNode(label: "Asset", id: "ETH"),
                        GraphNode(label: "Market", id: "binance:BTCUSDT")],
                relationships: [GraphRelationship(type: "BASE", from: Self.m, to: Self.a),
                                GraphRelationship(type: "CORRELATED_WITH", from: Self.a, to: Self.b)]))
            let stats = try await store.stats()
            #expect(stats == GraphStats(nodesByLabel: ["Asset": 2, "Market": 1],
                                        relationshipsByType: ["BASE": 1, "CORRELATED_WITH": 1]))

        case .snapshotHoldsEveryNodeAndRelationshipSorted:
            try await store.write(GraphBatch(
                nodes: [GraphNode(label: "Market", id: "binance:BTCUSDT", properties: ["symbol": "BTCUSDT"]),
                        GraphNode(label: "Asset", id: "ETH"), GraphNode(label: "Asset", id: "BTC")],
                relationships: [GraphRelationship(type: "BASE", from: Self.m, to: Self.a, properties: ["x": true])]))
            let snapshot = try await store.snapshot()
            #expect(snapshot.nodes.map(\.ref) == [Self.a, Self.b, Self.m])
            #expect(snapshot.nodes.last?.properties == ["symbol": "BTCUSDT"])
            #expect(snapshot.relationships == [GraphRelationship(type: "BASE", from: Self.m, to: Self.a,
                                                                 properties: ["x": true])])

        case .deleteOlderThanRemovesOnlyOldNodesOfTheLabelWithTheirRelationships:
            try await store.write(GraphBatch(
                nodes: [GraphNode(label: "Signal", id: "s1", properties: ["time": 100]),
                        GraphNode(label: "Signal", id: "s2", properties: ["time": 200]),
                        GraphNode(label: "Signal", id: "s3"),
                        GraphNode(label: "Order", id: "o1", properties: ["time": 50])],
                relationships: [
                    GraphRelationship(type: "BASED_ON", from: GraphNodeRef(label: "Order", id: "o1"),
                                      to: GraphNodeRef(label: "Signal", id: "s1")),
                    GraphRelationship(type: "BASED_ON", from: GraphNodeRef(label: "Order", id: "o1"),
                                      to: GraphNodeRef(label: "Signal", id: "s2")),
                ]))
            #expect(try await store.deleteNodes(label: "Signal", olderThan: 150) == 1)
            #expect(try await store.deleteNodes(label: "Signal", olderThan: 150) == 0)
            let snapshot = try await store.snapshot()
            #expect(snapshot.nodes.map(\.id) == ["o1", "s2", "s3"])
            #expect(snapshot.relationships.map(\.to.id) == ["s2"])

        case .batchesLargerThanOneStatementAreWrittenCompletely:
            let count = 2_345
            var batch = GraphBatch()
            for i in 0..<count {
                batch.nodes.append(GraphNode(label: "Order", id: "o\(i)", properties: ["n": .int(Int64(i))]))
                if i > 0 {
                    batch.relationships.append(GraphRelationship(type: "NEXT", from: GraphNodeRef(label: "Order", id: "o\(i - 1)"),
                                                                 to: GraphNodeRef(label: "Order", id: "o\(i)")))
                }
            }
            try await store.write(batch)
            #expect(try await store.stats() == GraphStats(nodesByLabel: ["Order": count],
                                                          relationshipsByType: ["NEXT": count - 1]))
            #expect(try await store.node(GraphNodeRef(label: "Order", id: "o2344"))?.properties == ["n": 2344])

        case .relationshipsOfTypeAreListedByEndpoints:
            let c = GraphNodeRef(label: "Asset", id: "SOL")
            try await store.upsert(relationships: [
                GraphRelationship(type: "CORRELATED_WITH", from: Self.b, to: c, properties: ["rho": 0.5]),
                GraphRelationship(type: "CORRELATED_WITH", from: Self.a, to: Self.b, properties: ["rho": -0.25]),
                GraphRelationship(type: "BASE", from: Self.m, to: Self.a),
            ])
            #expect(try await store.relationships(ofType: "CORRELATED_WITH") == [
                GraphRelationship(type: "CORRELATED_WITH", from: Self.a, to: Self.b, properties: ["rho": -0.25]),
                GraphRelationship(type: "CORRELATED_WITH", from: Self.b, to: c, properties: ["rho": 0.5]),
            ])

        case .labelsThatAreNotIdentifiersAreRejected:
            await #expect(throws: GraphError.invalidIdentifier(kind: "node label", value: "Bad Label")) {
                try await store.upsert(nodes: [GraphNode(label: "Bad Label", id: "x")])
            }
            await #expect(throws: GraphError.invalidIdentifier(kind: "relationship type", value: "X`) DELETE")) {
                try await store.upsert(relationships: [GraphRelationship(type: "X`) DELETE", from: Self.a, to: Self.b)])
            }

        case .valuesOfEveryTypeRoundTrip:
            let properties: [String: GraphValue] = [
                "int": .int(-9_007_199_254_740_993), "double": 0.1, "whole_double": 2.0, "text": "q\"uote\n☃",
                "yes": true, "no": false, "price": "101.25000000",
            ]
            try await store.upsert(nodes: [GraphNode(label: "Fill", id: "f/1", properties: properties)])
            let stored = try #require(try await store.node(GraphNodeRef(label: "Fill", id: "f/1"))).properties
            for key in properties.keys.sorted() { #expect(stored[key] == properties[key], "property \(key)") }
            #expect(stored.count == properties.count)

        case .quotesAndBackslashesInTextRoundTrip:
            let properties: [String: GraphValue] = ["path": #"C:\temp\new 'quoted'"#]
            try await store.upsert(nodes: [GraphNode(label: "Event", id: "e1", properties: properties)])
            #expect(try await store.node(GraphNodeRef(label: "Event", id: "e1"))?.properties == properties)

        case .nodesWithAPropertyValueAreListedNewestFirst:
            try await store.upsert(nodes: [
                GraphNode(label: "Order", id: "o1", properties: ["symbol": "BTCUSDT", "time": 100]),
                GraphNode(label: "Order", id: "o2", properties: ["symbol": "ETHUSDT", "time": 300]),
                GraphNode(label: "Order", id: "o3", properties: ["symbol": "BTCUSDT", "time": 200]),
                GraphNode(label: "Order", id: "o4", properties: ["symbol": "BTCUSDT"]),
                GraphNode(label: "Signal", id: "s1", properties: ["symbol": "BTCUSDT", "time": 900]),
                GraphNode(label: "Order", id: "o5", properties: ["symbol": 7, "time": 999]),
            ])
            #expect(try await store.nodes(label: "Order", where: "symbol", equals: "BTCUSDT", limit: 10).map(\.id)
                == ["o3", "o1", "o4"])
            #expect(try await store.nodes(label: "Order", where: "symbol", equals: "BTCUSDT", limit: 1).map(\.id) == ["o3"])
            #expect(try await store.nodes(label: "Order", where: "symbol", equals: 7, limit: 10).map(\.id) == ["o5"])
            #expect(try await store.nodes(label: "Order", where: "symbol", equals: "XRPUSDT", limit: 10).isEmpty)
            await #expect(throws: GraphError.invalidIdentifier(kind: "property key", value: "a.b")) {
                _ = try await store.nodes(label: "Order", where: "a.b", equals: "x", limit: 1)
            }
        }
    }
}
