import CoreMetrics
import Foundation
import KnowledgeGraph

/// A value behind a lock for test doubles.
final class TestBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
    var current: Value { withLock { $0 } }
}

/// A GraphStore that records every batch, then passes it on to `base`; fails writes while `failing` is set.
final class SpyGraphStore: GraphStore {
    struct Failure: Error, CustomStringConvertible { var description: String { "spy: write refused" } }

    let base: any GraphStore
    let batches = TestBox<[GraphBatch]>([])
    let reads = TestBox(0)
    let failing = TestBox(false)
    var backendName: String { "spy" }

    init(base: any GraphStore) { self.base = base }

    func write(_ batch: GraphBatch) async throws {
        if failing.current { throw Failure() }
        batches.withLock { $0.append(batch) }
        try await base.write(batch)
    }
    func node(_ ref: GraphNodeRef) async throws -> GraphNode? {
        reads.withLock { $0 += 1 }
        return try await base.node(ref)
    }
    func neighbours(of ref: GraphNodeRef, type: String?, direction: GraphDirection) async throws -> [GraphNeighbour] {
        reads.withLock { $0 += 1 }
        return try await base.neighbours(of: ref, type: type, direction: direction)
    }
    func nodes(label: String, where key: String, equals value: GraphValue, limit: Int) async throws -> [GraphNode] {
        reads.withLock { $0 += 1 }
        return try await base.nodes(label: label, where: key, equals: value, limit: limit)
    }
    func relationships(ofType type: String) async throws -> [GraphRelationship] {
        reads.withLock { $0 += 1 }
        return try await base.relationships(ofType: type)
    }
    func stats() async throws -> GraphStats { try await base.stats() }
    func snapshot() async throws -> GraphSnapshot { try await base.snapshot() }
    func deleteNodes(label: String, olderThan cutoff: Int64) async throws -> Int {
        try await base.deleteNodes(label: label, olderThan: cutoff)
    }
    func query(_ cypher: String, parameters: [String: GraphValue]) async throws -> GraphQueryResult {
        try await base.query(cypher, parameters: parameters)
    }

    /// Node ids of every written batch, in write order.
    var writtenNodeIds: [String] { batches.current.flatMap { $0.nodes.map(\.id) } }
}

/// A metrics backend that keeps every value, by label.
final class TestMetricsFactory: MetricsFactory, @unchecked Sendable {
    final class Handler: CounterHandler, FloatingPointCounterHandler, RecorderHandler, MeterHandler, TimerHandler,
        @unchecked Sendable {
        let values = TestBox<[Double]>([])
        func increment(by amount: Int64) { values.withLock { $0.append(Double(amount)) } }
        func increment(by amount: Double) { values.withLock { $0.append(amount) } }
        func reset() { values.withLock { $0.removeAll() } }
        func record(_ value: Int64) { values.withLock { $0.append(Double(value)) } }
        func record(_ value: Double) { values.withLock { $0.append(value) } }
        func set(_ value: Int64) { values.withLock { $0.append(Double(value)) } }
        func set(_ value: Double) { values.withLock { $0.append(value) } }
        func decrement(by amount: Double) { values.withLock { $0.append(-amount) } }
        func recordNanoseconds(_ duration: Int64) { values.withLock { $0.append(Double(duration)) } }
    }

    private let handlers = TestBox<[String: Handler]>([:])

    private func handler(_ label: String) -> Handler {
        handlers.withLock { handlers in
            if let existing = handlers[label] { return existing }
            let made = Handler()
            handlers[label] = made
            return made
        }
    }

    /// Every value recorded under `label`.
    func values(_ label: String) -> [Double] { handlers.current[label]?.values.current ?? [] }
    /// The sum of the values under `label` (a counter's total).
    func total(_ label: String) -> Double { values(label).reduce(0, +) }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler { handler(label) }
    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        handler(label)
    }
    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler { handler(label) }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        handler(label)
    }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { handler(label) }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyMeter(_ handler: any MeterHandler) {}
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}
