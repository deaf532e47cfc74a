import TradingCore
import TradingModel

/// Recorded or generated bars replayed as a live feed: the simulation mode's market data. Bars are handed out
/// in time order at `barsPerSecond` (0 = as fast as the consumer takes them).
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
        let bars = series[symbol]
        let pause: UInt64 = barsPerSecond > 0 ? UInt64(1e9 / barsPerSecond) : 0
        let known = series.keys.sorted().joined(separator: ", ")
        return AsyncThrowingStream { continuation in
            guard let bars else {
                continuation.finish(throwing: ReplayError(message: "no replay data for \(symbol); the replay has \(known)"))
                return
            }
            let task = Task {
                for bar in bars {
                    if Task.isCancelled { break }
                    if pause > 0 {
                        do { try await Task.sleep(nanoseconds: pause) } catch { break }
                    }
                    continuation.yield(bar)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// A replay without data for the requested symbol.
public struct ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
