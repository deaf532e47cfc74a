import Metrics

/// A ``GraphStore`` that times every call (`graphwiz_graph_write_seconds` for writes and deletes,
/// `graphwiz_graph_read_seconds` for reads) and counts failures in `graphwiz_graph_errors_total`.
public struct MeteredGraphStore: GraphStore {
    /// The measured store.
    public let base: any GraphStore
    /// The instruments.
    public let metrics: GraphMetrics
    public var backendName: String { base.backendName }

    public init(_ base: any GraphStore, metrics: GraphMetrics = GraphMetrics()) {
        self.base = base
        self.metrics = metrics
    }

    private func measure<T>(_ timer: Timer, _ body: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        do {
            let result = try await body()
            timer.record(duration: ContinuousClock.now - start)
            return result
        } catch {
            timer.record(duration: ContinuousClock.now - start)
            metrics.errors.increment()
            throw error
        }
    }

    public func write(_ batch: GraphBatch) async throws {
        try await measure(metrics.writeLatency) { try await base.write(batch) }
    }

    public func node(_ ref: GraphNodeRef) async throws -> GraphNode? {
        try await measure(metrics.readLatency) { try await base.node(ref) }
    }

    public func neighbours(of ref: GraphNodeRef, type: String?, direction: GraphDirection) async throws -> [GraphNeighbour] {
        try await measure(metrics.readLatency) { try await base.neighbours(of: ref, type: type, direction: direction) }
    }

    public func nodes(label: String, where key: String, equals value: GraphValue, limit: Int) async throws -> [GraphNode] {
        try await measure(metrics.readLatency) { try await base.nodes(label: label, where: key, equals: value, limit: limit) }
    }

    public func relationships(ofType type: String) async throws -> [GraphRelationship] {
        try await measure(metrics.readLatency) { try await base.relationships(ofType: type) }
    }

    public func stats() async throws -> GraphStats {
        try await measure(metrics.readLatency) { try await base.stats() }
    }

    public func snapshot() async throws -> GraphSnapshot {
        try await measure(metrics.readLatency) { try await base.snapshot() }
    }

    public func deleteNodes(label: String, olderThan cutoff: Int64) async throws -> Int {
        try await measure(metrics.writeLatency) { try await base.deleteNodes(label: label, olderThan: cutoff) }
    }

    public func query(_ cypher: String, parameters: [String: GraphValue]) async throws -> GraphQueryResult {
        try await measure(metrics.readLatency) { try await base.query(cypher, parameters: parameters) }
    }
}
