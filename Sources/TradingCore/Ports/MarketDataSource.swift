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
