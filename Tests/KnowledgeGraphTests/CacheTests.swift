import KnowledgeGraph
import Testing

@Suite struct LRUCacheTests {
    @Test func theLeastRecentlyUsedEntryIsEvictedFirst() {
        var cache = LRUCache<String, Int>(capacity: 2)
        cache.insert(1, for: "a")
        cache.insert(2, for: "b")
        #expect(cache.value(for: "a") == 1)
        cache.insert(3, for: "c")
        #expect(cache.value(for: "b") == nil)
        #expect(cache.keysByRecency == ["c", "a"])
        cache.insert(4, for: "a")
        #expect(cache.keysByRecency == ["a", "c"])
        #expect(cache.value(for: "a") == 4)
        #expect(cache.count == 2)
    }

    @Test func aZeroCapacityCacheHoldsNothing() {
        var cache = LRUCache<Int, Int>(capacity: 0)
        cache.insert(1, for: 1)
        #expect(cache.value(for: 1) == nil)
        #expect(cache.count == 0)
    }

    @Test func manyInsertionsKeepExactlyTheNewest() {
        var cache = LRUCache<Int, Int>(capacity: 3)
        for i in 0..<1_000 { cache.insert(i * 2, for: i) }
        #expect(cache.keysByRecency == [999, 998, 997])
        #expect(cache.value(for: 997) == 1_994)
    }
}

@Suite struct CachedGraphStoreTests {
    @Test func repeatedReadsAreServedFromTheCacheAndCounted() async throws {
        try await TemporaryGraph.withEmbedded { embedded in
            let spy = SpyGraphStore(base: embedded)
            let factory = TestMetricsFactory()
            let cached = CachedGraphStore(spy, capacity: 10, metrics: GraphMetrics(factory: factory))
            try await cached.upsert(nodes: [GraphNode(label: "Asset", id: "BTC", properties: ["rank": 1])])
            let ref = GraphNodeRef(label: "Asset", id: "BTC")
            #expect(try await cached.node(ref)?.properties == ["rank": 1])
            #expect(try await cached.node(ref)?.properties == ["rank": 1])
            #expect(try await cached.node(GraphNodeRef(label: "Asset", id: "ETH")) == nil)
            #expect(try await cached.node(GraphNodeRef(label: "Asset", id: "ETH")) == nil)
            #expect(spy.reads.current == 2)
            #expect(cached.counts.hits == 2)
            #expect(cached.counts.misses == 2)
            #expect(factory.total("graphwiz_graph_cache_hits_total") == 2)
            #expect(factory.total("graphwiz_graph_cache_misses_total") == 2)
        }
    }

    @Test func aWriteInvalidatesCachedReads() async throws {
        try await TemporaryGraph.withEmbedded { embedded in
            let cached = CachedGraphStore(embedded, capacity: 10)
            let a = GraphNodeRef(label: "Asset", id: "BTC"), b = GraphNodeRef(label: "Asset", id: "ETH")
            try await cached.upsert(relationships: [GraphRelationship(type: "CORRELATED_WITH", from: a, to: b,
                                                                      properties: ["rho": 0.5])])
            #expect(try await cached.relationships(ofType: "CORRELATED_WITH").map(\.properties) == [["rho": 0.5]])
            try await cached.upsert(relationships: [GraphRelationship(type: "CORRELATED_WITH", from: a, to: b,
                                                                      properties: ["rho": 0.9])])
            #expect(try await cached.relationships(ofType: "CORRELATED_WITH").map(\.properties) == [["rho": 0.9]])
            _ = try await cached.deleteNodes(label: "Asset", olderThan: 0)
            #expect(cached.count == 0)
        }
    }

    @Test func theCacheHoldsAtMostItsCapacity() async throws {
        try await TemporaryGraph.withEmbedded { embedded in
            let cached = CachedGraphStore(embedded, capacity: 3)
            for i in 0..<10 { _ = try await cached.node(GraphNodeRef(label: "Order", id: "o\(i)")) }
            #expect(cached.count == 3)
        }
    }
}

@Suite struct MeteredGraphStoreTests {
    @Test func writesAndReadsAreTimedAndFailuresCounted() async throws {
        try await TemporaryGraph.withEmbedded { embedded in
            let factory = TestMetricsFactory()
            let spy = SpyGraphStore(base: embedded)
            let store = MeteredGraphStore(spy, metrics: GraphMetrics(factory: factory))
            try await store.upsert(nodes: [GraphNode(label: "Asset", id: "BTC")])
            _ = try await store.node(GraphNodeRef(label: "Asset", id: "BTC"))
            _ = try await store.neighbours(of: GraphNodeRef(label: "Asset", id: "BTC"))
            #expect(factory.values("graphwiz_graph_write_seconds").count == 1)
            #expect(factory.values("graphwiz_graph_read_seconds").count == 2)
            #expect(factory.values("graphwiz_graph_write_seconds").allSatisfy { $0 > 0 })
            spy.failing.withLock { $0 = true }
            await #expect(throws: SpyGraphStore.Failure.self) {
                try await store.upsert(nodes: [GraphNode(label: "Asset", id: "ETH")])
            }
            #expect(factory.total("graphwiz_graph_errors_total") == 1)
            #expect(factory.values("graphwiz_graph_write_seconds").count == 2)
        }
    }
}

@Suite struct GraphBatchCoalescingTests {
    @Test func repeatedUpsertsMergeInOrderAtTheirFirstPosition() {
        let a = GraphNodeRef(label: "Order", id: "o1"), s = GraphNodeRef(label: "Signal", id: "o1")
        let batch = GraphBatch(
            nodes: [GraphNode(label: "Order", id: "o1", properties: ["status": "accepted", "price": "1"]),
                    GraphNode(label: "Signal", id: "o1"),
                    GraphNode(label: "Order", id: "o1", properties: ["status": "filled", "price": nil])],
            relationships: [GraphRelationship(type: "BASED_ON", from: a, to: s, properties: ["w": 1]),
                            GraphRelationship(type: "BASED_ON", from: a, to: s, properties: ["v": 2])])
        #expect(batch.coalesced() == GraphBatch(
            nodes: [GraphNode(label: "Order", id: "o1", properties: ["status": "filled", "price": nil]),
                    GraphNode(label: "Signal", id: "o1")],
            relationships: [GraphRelationship(type: "BASED_ON", from: a, to: s, properties: ["w": 1, "v": 2])]))
    }
}
