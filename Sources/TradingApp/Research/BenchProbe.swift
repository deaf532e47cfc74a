import Dispatch
import Synchronization

/// The instrumentation of a session benchmark, shared by the feed, the strategy and the venue wrapper: when each
/// bar left the producer, how many bars were offered and processed, and every event-to-order latency (end to end
/// and in the kernel).
///
/// Bars carry their sequence in their time (`baseTime + k × 60 000`, see ``BenchFirehoseFeed``), so the venue
/// wrapper finds a bar's emission stamp from its symbol index and time without a lookup table per bar.
final class BenchProbe: Sendable {
    /// Time of every symbol's first bar (Unix ms, a whole minute).
    static let baseTime: Int64 = 1_700_000_040_000
    /// Stamps kept per symbol; a backlog deeper than this per symbol is far past FAIL anyway.
    static let ring = 1_024

    /// Number of symbols the feed emits.
    let symbols: Int
    private let offeredBars = Atomic<Int>(0)
    private let processedBars = Atomic<Int>(0)
    private let stamps: Mutex<[UInt64]>
    private let latencies: Mutex<(endToEnd: [UInt64], kernel: [UInt64])>
    private let acks: AsyncStream<Void>.Continuation?

    /// A probe for `symbols` symbols; `acks` (closed-loop pacing) receives one element per processed bar.
    init(symbols: Int, expectedOrders: Int, acks: AsyncStream<Void>.Continuation? = nil) {
        self.symbols = symbols
        self.stamps = Mutex([UInt64](repeating: 0, count: symbols * Self.ring))
        var samples: [UInt64] = []
        samples.reserveCapacity(max(expectedOrders, 16))
        self.latencies = Mutex((samples, samples))
        self.acks = acks
    }

    /// Sequence number of a bench bar from its time.
    @inline(__always) static func sequence(of time: Int64) -> Int { Int((time - baseTime) / 60_000) }

    /// Records that bar `sequence` of `symbol` leaves the producer now (monotonic ns).
    func emitted(symbol: Int, sequence: Int, copies: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        stamps.withLock { $0[symbol * Self.ring + sequence % Self.ring] = now }
        offeredBars.add(copies, ordering: .relaxed)
    }

    /// When bar `sequence` of `symbol` left the producer (monotonic ns).
    func emissionTime(symbol: Int, sequence: Int) -> UInt64 {
        stamps.withLock { $0[symbol * Self.ring + sequence % Self.ring] }
    }

    /// Called by the strategy for every bar the kernel hands it.
    func processed() {
        processedBars.add(1, ordering: .relaxed)
        acks?.yield(())
    }

    /// Records the latencies of one order in nanoseconds: since its bar was emitted and since the session took it.
    func recordLatency(endToEnd: UInt64, kernel: UInt64) {
        latencies.withLock {
            $0.endToEnd.append(endToEnd)
            $0.kernel.append(kernel)
        }
    }

    /// Bars offered to the sessions so far (each copy a session receives counts).
    var offered: Int { offeredBars.load(ordering: .relaxed) }
    /// Bars the sessions' strategies have processed so far.
    var processedCount: Int { processedBars.load(ordering: .relaxed) }
    /// Every latency recorded so far, in nanoseconds, in arrival order.
    var latencySamples: (endToEnd: [UInt64], kernel: [UInt64]) { latencies.withLock { $0 } }
}
