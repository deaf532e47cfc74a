import Dispatch
import Synchronization
import TradingCore
import TradingModel

/// How a ``BenchFirehoseFeed`` paces its bars.
enum BenchPacing: Sendable, Hashable {
    /// Real time: every symbol gets `perSecond` bars a second, spread evenly over the second.
    case realTime(perSecond: Double)
    /// Back to back: the next bar leaves once every session processed the previous one (pure latency).
    case closedLoop
}

/// A market-data source that fans generated bars of many symbols out to every session subscribed to them, stamping
/// each bar on a ``BenchProbe`` as it leaves. Bar `k` of a symbol has time `BenchProbe.baseTime + k × 60 000`
/// (1-minute bars) so the probe can find its stamp again.
///
/// Sessions subscribe through ``deliverBars(symbols:timeframe:to:)``: the producer calls each session's sink
/// itself, as a combined venue stream does, so a bar reaches a session with one task switch.
final class BenchFirehoseFeed: MarketDataSource, Sendable {
    /// Unified symbols, `B0000/USDT`, `B0001/USDT`, ...
    let symbols: [String]
    private let index: [String: Int]
    private let subscribers: Mutex<Subscribers>

    /// Who receives each symbol's bars: the sinks of the deliveries, with the instrument index the symbol has for
    /// each.
    private struct Subscribers {
        var sinks: [[(sink: @Sendable (BarDelivery) -> Void, instrument: Int)]]
        var finishers: [AsyncStream<Void>.Continuation] = []
        var count = 0
    }

    /// A feed of `count` symbols.
    init(symbols count: Int) {
        let names = (0..<count).map { Self.symbol($0) }
        symbols = names
        index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        subscribers = Mutex(Subscribers(sinks: Array(repeating: [], count: count)))
    }

    /// The symbol of instrument `index`.
    static func symbol(_ index: Int) -> String {
        let digits = String(index)
        return "B" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "/USDT"
    }

    /// The instrument index of `symbol`, or nil.
    func instrumentIndex(of symbol: String) -> Int? { index[symbol] }

    func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error> {
        barStream(delivering: symbol, timeframe: timeframe)
    }

    func deliverBars(symbols wanted: [String], timeframe: Timeframe, to sink: @escaping @Sendable (BarDelivery) -> Void) async {
        let (done, finisher) = AsyncStream.makeStream(of: Void.self)
        subscribers.withLock { s in
            for (instrument, symbol) in wanted.enumerated() {
                if let position = index[symbol] {
                    s.sinks[position].append((sink, instrument))
                    s.count += 1
                } else {
                    sink(.ended(instrument: instrument, error: unknown(symbol)))
                }
            }
            s.finishers.append(finisher)
        }
        await withTaskCancellationHandler {
            for await _ in done {}
        } onCancel: {
            finisher.finish()
        }
    }

    private func unknown(_ symbol: String) -> String {
        "the bench feed has no symbol \(symbol); it has B0000/USDT...\(Self.symbol(symbols.count - 1))"
    }

    /// How many subscriptions (symbol × session) there are in total.
    var subscriptionCount: Int { subscribers.withLock { $0.count } }

    /// Bar `sequence` of every symbol's series: a small deterministic wiggle around 100.
    static func bar(sequence: Int, symbol: Int) -> Bar {
        let close = 100 + Double((sequence &* 7 &+ symbol) % 21 - 10) * 0.05
        return Bar(time: BenchProbe.baseTime + Int64(sequence) * 60_000, open: close, high: close + 0.1,
                   low: close - 0.1, close: close, volume: 1_000_000)
    }

    /// Emits bar `sequence` of `symbol` to its subscribers, stamped on `probe`.
    func emit(sequence: Int, symbol: Int, probe: BenchProbe) {
        let bar = Self.bar(sequence: sequence, symbol: symbol)
        let sinks = subscribers.withLock { $0.sinks[symbol] }
        probe.emitted(symbol: symbol, sequence: sequence, copies: sinks.count)
        for (sink, instrument) in sinks { sink(.bar(bar, instrument: instrument)) }
    }

    /// Ends every delivery (the sessions then stop after their last bar).
    func finish() {
        let all = subscribers.withLock { $0 }
        for list in all.sinks { for (sink, instrument) in list { sink(.ended(instrument: instrument, error: nil)) } }
        for finisher in all.finishers { finisher.finish() }
    }

    /// Produces `rounds` bars per symbol in real time: `slices` emission slots per round, each slot emitting the
    /// symbols whose index falls in it, at deadlines (a late producer catches up, so offered ≤ target). Returns
    /// the rounds emitted before `seconds` ran out.
    func produceRealTime(perSecond: Double, seconds: Double, probe: BenchProbe) async -> Int {
        let count = symbols.count
        let slices = max(1, min(count, 20))
        let slotNanos = 1e9 / perSecond / Double(slices)
        let start = DispatchTime.now().uptimeNanoseconds
        let end = start + UInt64(seconds * 1e9)
        var round = 0
        while true {
            for slice in 0..<slices {
                let deadline = start + UInt64((Double(round * slices + slice) * slotNanos).rounded())
                if deadline >= end { return round }
                let now = DispatchTime.now().uptimeNanoseconds
                if deadline > now {
                    do { try await Task.sleep(nanoseconds: deadline - now) } catch { return round }
                }
                var symbol = slice
                while symbol < count {
                    emit(sequence: round, symbol: symbol, probe: probe)
                    symbol += slices
                }
            }
            round += 1
        }
    }

    /// Produces `bars` bars round-robin over the symbols, each only after the previous one was processed by
    /// `sessions` sessions (acknowledged on `acks`).
    func produceClosedLoop(bars: Int, sessions: Int, acks: AsyncStream<Void>, probe: BenchProbe) async {
        var iterator = acks.makeAsyncIterator()
        let count = symbols.count
        for sent in 0..<bars {
            emit(sequence: sent / count, symbol: sent % count, probe: probe)
            for _ in 0..<sessions { if await iterator.next() == nil { return } }
        }
    }
}
