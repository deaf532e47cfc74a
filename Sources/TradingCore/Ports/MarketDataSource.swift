import TradingModel

/// A live or recorded source of bars for the paper and live drivers.
public protocol MarketDataSource: Sendable {
    /// Bars of `symbol` as they close, in time order.
    func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error>

    /// Hands the closed bars of every symbol of `symbols` to `sink` as they close (each symbol in time order,
    /// `instrument` its index in `symbols`), then `.ended` once per symbol whose feed ended or failed; returns
    /// when every feed ended, or at once when the calling task is cancelled (no `.ended` then).
    ///
    /// `sink` is called from the source's own reader and must not block: the trading session yields into its
    /// input stream. A source that reads many symbols from one connection (a combined WebSocket, a replay, a
    /// benchmark feed) calls it directly, so a bar reaches the session with one task switch and no task per
    /// symbol; the default runs ``bars(symbol:timeframe:)`` in one child task per symbol.
    func deliverBars(symbols: [String], timeframe: Timeframe, to sink: @escaping @Sendable (BarDelivery) -> Void) async
}

/// What ``MarketDataSource/deliverBars(symbols:timeframe:to:)`` hands to its sink.
public enum BarDelivery: Sendable, Hashable {
    /// A closed bar of `symbols[instrument]`.
    case bar(Bar, instrument: Int)
    /// The feed of `symbols[instrument]` ended (a replay finished) or failed with `error`.
    case ended(instrument: Int, error: String?)
}

extension MarketDataSource {
    /// One child task per symbol reading ``bars(symbol:timeframe:)``.
    public func deliverBars(symbols: [String], timeframe: Timeframe,
                            to sink: @escaping @Sendable (BarDelivery) -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for (index, symbol) in symbols.enumerated() {
                group.addTask {
                    do {
                        for try await bar in bars(symbol: symbol, timeframe: timeframe) { sink(.bar(bar, instrument: index)) }
                        if !Task.isCancelled { sink(.ended(instrument: index, error: nil)) }
                    } catch is CancellationError {
                        return
                    } catch {
                        sink(.ended(instrument: index, error: "\(symbol) feed: \(error)"))
                    }
                }
            }
        }
    }
}

extension MarketDataSource {
    /// ``bars(symbol:timeframe:)`` for a source that implements ``deliverBars(symbols:timeframe:to:)`` itself:
    /// that delivery for one symbol as a stream; a failed feed finishes it with ``MarketDataFeedError``.
    public func barStream(delivering symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Bar.self)
        let task = Task {
            await deliverBars(symbols: [symbol], timeframe: timeframe) { delivery in
                switch delivery {
                case let .bar(bar, _):
                    continuation.yield(bar)
                case let .ended(_, error?):
                    continuation.finish(throwing: MarketDataFeedError(message: error))
                case .ended:
                    continuation.finish()
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

/// Why a feed delivered through ``MarketDataSource/deliverBars(symbols:timeframe:to:)`` ended.
public struct MarketDataFeedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, naming the symbol.
    public var message: String
    public var description: String { message }
}
