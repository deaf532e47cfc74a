import TradingCore
import TradingModel

/// Recorded or generated bars replayed as a live feed: the simulation mode's market data. Bars are handed out
/// in time order at `barsPerSecond` (0 = as fast as the consumer takes them).
///
/// Several symbols replayed together (``deliverBars(symbols:timeframe:to:)``, what a trading session uses) are
/// interleaved by time: every bar of one timestamp, in the order of `symbols`, before any later bar; the pause
/// falls between timestamps, so each symbol advances at `barsPerSecond`. A symbol whose series is shorter ends
/// when its bars run out.
public struct ReplayMarketDataSource: MarketDataSource {
    /// Bars per symbol, oldest first.
    public let series: [String: [Bar]]
    /// Replay speed; 0 for no pause between bars.
    public let barsPerSecond: Double

    /// A replay of `series` at `barsPerSecond`.
    public init(series: [String: [Bar]], barsPerSecond: Double = 0) {
        self.series = series
        self.barsPerSecond = max(barsPerSecond, 0)
    }

    public func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error> {
        guard series[symbol] != nil else {
            let known = series.keys.sorted().joined(separator: ", ")
            return AsyncThrowingStream { $0.finish(throwing: ReplayError(message: "no replay data for \(symbol); the replay has \(known)")) }
        }
        return barStream(delivering: symbol, timeframe: timeframe)
    }
}

extension ReplayMarketDataSource {
    public func deliverBars(symbols: [String], timeframe: Timeframe, to sink: @escaping @Sendable (BarDelivery) -> Void) async {
        let known = series.keys.sorted().joined(separator: ", ")
        var cursors: [(instrument: Int, bars: [Bar], next: Int)] = []
        for (instrument, symbol) in symbols.enumerated() {
            guard let bars = series[symbol] else {
                sink(.ended(instrument: instrument, error: "\(symbol) feed: no replay data for \(symbol); the replay has \(known)"))
                continue
            }
            if bars.isEmpty { sink(.ended(instrument: instrument, error: nil)) } else { cursors.append((instrument, bars, 0)) }
        }
        let pause: UInt64 = barsPerSecond > 0 ? UInt64(1e9 / barsPerSecond) : 0
        var steps = 0
        while !cursors.isEmpty {
            if Task.isCancelled { return }
            // The earliest pending timestamp; every symbol's bar at it goes out before any later bar.
            let now = cursors.map { $0.bars[$0.next].time }.min()!
            for i in cursors.indices where cursors[i].bars[cursors[i].next].time == now {
                sink(.bar(cursors[i].bars[cursors[i].next], instrument: cursors[i].instrument))
                cursors[i].next += 1
                if cursors[i].next == cursors[i].bars.count { sink(.ended(instrument: cursors[i].instrument, error: nil)) }
            }
            cursors.removeAll { $0.next == $0.bars.count }
            if pause > 0 && !cursors.isEmpty {
                do { try await Task.sleep(nanoseconds: pause) } catch { return }
            } else {
                steps += 1
                if steps % 256 == 0 { await Task.yield() }  // as fast as possible, without holding a thread
            }
        }
    }
}

/// A replay without data for the requested symbol.
public struct ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
