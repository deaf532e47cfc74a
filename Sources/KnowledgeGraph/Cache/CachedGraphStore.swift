/// A ``GraphStore`` that answers repeated reads (`node`, `neighbours`, `nodes(label:where:)`,
/// `relationships(ofType:)`: what provenance, regime and correlation queries use) from an LRU cache of at most
/// `capacity` results. Any write or delete through this store empties the cache; a read that raced with a
/// write is returned but not cached. Writes made to the base store behind its back are not seen until the
/// next write through this one: route every writer through the same `CachedGraphStore`.
public final class CachedGraphStore: GraphStore {
    enum Key: Hashable {
        case node(GraphNodeRef)
        case neighbours(GraphNodeRef, String?, GraphDirection)
        case nodes(String, String, GraphValue, Int)
        case relationships(String)
    }

    enum Entry {
        case node(GraphNode?)
        case neighbours([GraphNeighbour])
        case nodes([GraphNode])
        case relationships([GraphRelationship])
    }

    struct State {
        var cache: LRUCache<Key, Entry>
        /// Bumped by every write; a read caches its answer only if no write happened meanwhile.
        var generation = 0
        var hits = 0
        var misses = 0
    }

    /// The store reads miss to and writes go to.
    public let base: any GraphStore
    /// Where hits and misses are counted.
    public let metrics: GraphMetrics
    private let state: Locked<State>
    public var backendName: String { base.backendName }

    /// A cache of `capacity` read results over `base`.
    public init(_ base: any GraphStore, capacity: Int = 10_000, metrics: GraphMetrics = GraphMetrics()) {
        self.base = base
        self.metrics = metrics
        state = Locked(State(cache: LRUCache(capacity: capacity)))
    }

    /// Hits and misses so far.
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// Cached results held.
    public var count: Int { state.withLock { $0.cache.count } }

    private func cached(_ key: Key, load: () async throws -> Entry) async throws -> Entry {
        let (hit, generation) = state.withLock { state -> (Entry?, Int) in
            let entry = state.cache.value(for: key)
            if entry == nil { state.misses += 1 } else { state.hits += 1 }
            return (entry, state.generation)
        }
        if let hit {
            metrics.cacheHits.increment()
            return hit
        }
        metrics.cacheMisses.increment()
        let entry = try await load()
        state.withLock { state in
            if state.generation == generation { state.cache.insert(entry, for: key) }
        }
        return entry
    }

    private func invalidate() {
        state.withLock { state in
            state.generation += 1
            state.cache.removeAll()
        }
    }

    public func write(_ batch: GraphBatch) async throws {
        invalidate()
        defer { invalidate() }
        try await base.write(batch)
    }

    public func deleteNodes(label: String, olderThan cutoff: Int64) async throws -> Int {
        invalidate()
        defer { invalidate() }
        return try await base.deleteNodes(label: label, olderThan: cutoff)
    }

    public func node(_ ref: GraphNodeRef) async throws -> GraphNode? {
        guard case .node(let node) = try await cached(.node(ref), load: { .node(try await base.node(ref)) }) else { return nil }
        return node
    }

    public func neighbours(of ref: GraphNodeRef, type: String?, direction: GraphDirection) async throws -> [GraphNeighbour] {
        let entry = try await cached(.neighbours(ref, type, direction)) {
            .neighbours(try await base.neighbours(of: ref, type: type, direction: direction))
        }
        guard case .neighbours(let list) = entry else { return [] }
        return list
    }

    public func nodes(label: String, where key: String, equals value: GraphValue, limit: Int) async throws -> [GraphNode] {
        let entry = try await cached(.nodes(label, key, value, limit)) {
            .nodes(try await base.nodes(label: label, where: key, equals: value, limit: limit))
        }
        guard case .nodes(let list) = entry else { return [] }
        return list
    }

    public func relationships(ofType type: String) async throws -> [GraphRelationship] {
        let entry = try await cached(.relationships(type)) { .relationships(try await base.relationships(ofType: type)) }
        guard case .relationships(let list) = entry else { return [] }
        return list
    }

    /// Not cached (counts change with every write and are cheap to ask for).
    public func stats() async throws -> GraphStats { try await base.stats() }

    /// Not cached (too large).
    public func snapshot() async throws -> GraphSnapshot { try await base.snapshot() }

    /// Not cached: a raw query may write.
    public func query(_ cypher: String, parameters: [String: GraphValue]) async throws -> GraphQueryResult {
        invalidate()
        defer { invalidate() }
        return try await base.query(cypher, parameters: parameters)
    }
}
