import Logging
import TradingCore
import TradingModel

/// Live closed bars from Binance's kline stream: only bars whose `x` flag is set are yielded, in time order,
/// without gaps or duplicates. A gap (a missed bar, or a reconnect) is filled from the REST klines endpoint
/// before the next live bar.
public struct BinanceMarketDataSource: MarketDataSource {
    /// The adapter used for symbol mapping and REST backfill.
    public let exchange: BinanceExchange
    /// Reconnect delays.
    public var backoff: Backoff
    private let logger: Logger

    /// Creates a source.
    public init(exchange: BinanceExchange, backoff: Backoff = Backoff(),
                logger: Logger = Logger(label: "graphwiz.binance.market")) {
        self.exchange = exchange
        self.backoff = backoff
        self.logger = logger
    }

    public func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Bar.self)
        let exchange = self.exchange
        let backoff = self.backoff
        let logger = self.logger
        let task = Task {
            do {
                let id = try await exchange.venueSymbol(symbol)
                let history = BinanceHistoricalBars(exchange: exchange)
                let tracker = Locked(KlineGapTracker(step: timeframe.milliseconds))
                let configuration = exchange.rest.configuration
                let url = BinanceEvent.url(configuration.webSocketBaseURL, id, timeframe)
                let socket = ReconnectingWebSocket(name: "binance klines \(symbol) \(timeframe)", backoff: backoff,
                                                   maxConnectionAge: configuration.maxConnectionAge, logger: logger)
                @Sendable func backfill(from: Int64, to: Int64) async {
                    var start = from
                    while start <= to {
                        guard let page = try? await history.bars(symbol: symbol, timeframe: timeframe, from: start, to: to,
                                                                 limit: history.maxBarsPerRequest), !page.isEmpty else { return }
                        for bar in page where tracker.withLock({ $0.decide(bar.time) != .duplicate }) {
                            tracker.withLock { $0.delivered(bar.time) }
                            continuation.yield(bar)
                        }
                        start = page[page.count - 1].time + timeframe.milliseconds
                    }
                }
                await socket.run(url: { url }, onConnect: { connection, _ in
                    guard connection > 0, let last = tracker.value.lastTime else { return }
                    await backfill(from: last + timeframe.milliseconds, to: Int64.max / 2)
                }, onMessage: { text in
                    guard case let .kline(_, _, bar, closed) = BinanceStreamEvent.parse(text), closed else { return }
                    switch tracker.value.decide(bar.time) {
                    case .duplicate: return
                    case let .backfill(from, to): await backfill(from: from, to: to)
                    case .deliver: break
                    }
                    if tracker.withLock({ $0.decide(bar.time) }) != .duplicate {
                        tracker.withLock { $0.delivered(bar.time) }
                        continuation.yield(bar)
                    }
                })
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

enum BinanceEvent {
    static func url(_ base: String, _ venueSymbol: String, _ timeframe: Timeframe) -> String {
        BinanceStreamEvent.combinedURL(base: base, streams: [BinanceStreamEvent.klineStream(venueSymbol, interval: timeframe.description)])
    }
}
