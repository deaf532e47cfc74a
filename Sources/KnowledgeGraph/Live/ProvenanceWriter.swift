/// An asynchronous, batched writer of decision provenance for paper and live trading.
///
/// The trader calls ``submit(_:)``, which never blocks or suspends: the record goes into a bounded queue, or is
/// dropped (and counted) when the queue is full. ``run()`` writes the queue to the store in submission order:
/// a batch as soon as `batchSize` records wait, and whatever waits every `flushInterval`. ``finish()`` or
/// cancelling the task of ``run()`` flushes everything queued before `run()` returns.
///
/// `run()` has the shape of a swift-service-lifecycle `Service` (the app conforms it); call it once.
/// A failed store write is counted (``Statistics/failed``, `graphwiz_graph_errors_total`) and the loop goes on.
public final class ProvenanceWriter: Sendable {
    /// Queue and batch sizes and the flush interval.
    public struct Configuration: Sendable, Hashable {
        /// Records the queue holds before dropping (default 100,000).
        public var capacity: Int
        /// Records per store write, and the queue length that triggers a write (default 1,000).
        public var batchSize: Int
        /// Longest a record waits for a write when fewer than `batchSize` are queued (default 1 s).
        public var flushInterval: Duration

        /// Bounds and interval (capacity and batch size at least 1).
        public init(capacity: Int = 100_000, batchSize: Int = 1_000, flushInterval: Duration = .seconds(1)) {
            self.capacity = max(1, capacity)
            self.batchSize = max(1, batchSize)
            self.flushInterval = flushInterval
        }
    }

    /// Counts since the writer was made.
    public struct Statistics: Sendable, Hashable {
        /// Records accepted by ``submit(_:)``.
        public var accepted = 0
        /// Records refused because the queue was full or the writer finished.
        public var dropped = 0
        /// Records written to the store.
        public var written = 0
        /// Records lost in failed store writes.
        public var failed = 0
        /// Records waiting now.
        public var queued = 0
        /// Store writes made.
        public var batches = 0
        /// The last store error, if any.
        public var lastError: String?
        /// True while the most recent store write failed (a later successful write clears it).
        public var lastWriteFailed = false

        /// Counts (all zero by default).
        public init(accepted: Int = 0, dropped: Int = 0, written: Int = 0, failed: Int = 0, queued: Int = 0,
                    batches: Int = 0, lastError: String? = nil) {
            self.accepted = accepted
            self.dropped = dropped
            self.written = written
            self.failed = failed
            self.queued = queued
            self.batches = batches
            self.lastError = lastError
        }
    }

    struct State {
        var queue: [ProvenanceRecord] = []
        var head = 0
        var finished = false
        var tickDue = false
        var statistics = Statistics()

        var count: Int { queue.count - head }

        mutating func take(_ limit: Int) -> [ProvenanceRecord] {
            let end = min(queue.count, head + limit)
            let taken = Array(queue[head..<end])
            head = end
            if head == queue.count {
                queue.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 4_096 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            statistics.queued = count
            return taken
        }
    }

    /// Where records are written.
    public let store: any GraphStore
    /// Put on signals, orders and positions as `run_id`.
    public let runId: String
    /// Queue and batch bounds.
    public let configuration: Configuration
    /// Queue depth, dropped records and write errors.
    public let metrics: GraphMetrics
    private let state: Locked<State>
    private let wake: AsyncStream<Void>
    private let wakeContinuation: AsyncStream<Void>.Continuation

    /// A writer to `store`; start ``run()`` in the service.
    public init(store: any GraphStore, runId: String, configuration: Configuration = Configuration(),
                metrics: GraphMetrics = GraphMetrics()) {
        self.store = store
        self.runId = runId
        self.configuration = configuration
        self.metrics = metrics
        state = Locked(State())
        (wake, wakeContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Queues `record` without blocking; false when it was dropped (queue full, or after ``finish()``).
    /// - Complexity: O(1) amortized; one lock, no suspension.
    @discardableResult
    public func submit(_ record: ProvenanceRecord) -> Bool {
        let (accepted, depth) = state.withLock { state -> (Bool, Int) in
            guard !state.finished, state.count < configuration.capacity else {
                state.statistics.dropped += 1
                return (false, state.count)
            }
            state.queue.append(record)
            state.statistics.accepted += 1
            state.statistics.queued = state.count
            return (true, state.count)
        }
        metrics.queueDepth.record(depth)
        guard accepted else {
            metrics.dropped.increment()
            return false
        }
        if depth >= configuration.batchSize { wakeContinuation.yield(()) }
        return true
    }

    /// Counts so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Accepts no more records; ``run()`` writes what is queued and returns.
    public func finish() {
        state.withLock { $0.finished = true }
        wakeContinuation.finish()
    }

    /// Writes queued records until ``finish()`` or cancellation, then flushes the rest and returns.
    public func run() async throws {
        let interval = configuration.flushInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [state, wakeContinuation] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: interval) } catch { return }
                    state.withLock { $0.tickDue = true }
                    wakeContinuation.yield(())
                }
            }
            for await _ in wake {
                let flushAll = state.withLock { state -> Bool in
                    defer { state.tickDue = false }
                    return state.tickDue || state.finished
                }
                await drain(all: flushAll)
            }
            group.cancelAll()
        }
        state.withLock { $0.finished = true }
        // The final flush must not inherit this task's cancellation (stores refuse to start work in a cancelled
        // task), so it runs in a task of its own that is awaited here: nothing outlives run().
        await Task { await self.drain(all: true) }.value
    }

    /// Writes full batches, and the remainder too when `all`.
    private func drain(all: Bool) async {
        while true {
            let records = state.withLock { state -> [ProvenanceRecord] in
                guard state.count >= configuration.batchSize || (all && state.count > 0) else { return [] }
                return state.take(configuration.batchSize)
            }
            if records.isEmpty { return }
            metrics.queueDepth.record(statistics.queued)
            var batch = GraphBatch()
            for record in records { record.append(to: &batch, runId: runId) }
            do {
                try await store.write(batch)
                state.withLock {
                    $0.statistics.written += records.count
                    $0.statistics.batches += 1
                    $0.statistics.lastWriteFailed = false
                }
            } catch {
                metrics.errors.increment()
                state.withLock {
                    $0.statistics.failed += records.count
                    $0.statistics.batches += 1
                    $0.statistics.lastError = "\(error)"
                    $0.statistics.lastWriteFailed = true
                }
            }
        }
    }
}
