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
        barStream(delivering: symbol, timeframe: timeframe)
    }

    /// Kline streams per WebSocket connection in ``deliverBars(symbols:timeframe:to:)``. Binance allows 1,024
    /// streams on one connection (and 300 new connections per 5 minutes per IP, which one connection per
    /// symbol would exhaust with a few hundred symbols); 200 keeps the URL short and a reconnect's backfill small.
    public static let streamsPerConnection = 200

    /// The closed bars of every symbol over combined kline streams, ``streamsPerConnection`` symbols per
    /// connection, handed to `sink` from the connection's reader (no task per symbol). Each symbol is kept
    /// gap-free and duplicate-free on its own; after a reconnect the symbols whose next bar may have closed
    /// meanwhile are backfilled over REST. A symbol Binance does not list ends at once with the error.
    public func deliverBars(symbols: [String], timeframe: Timeframe, to sink: @escaping @Sendable (BarDelivery) -> Void) async {
        var listed: [(instrument: Int, symbol: String, venueId: String)] = []
        for (instrument, symbol) in symbols.enumerated() {
            do {
                listed.append((instrument, symbol, try await exchange.venueSymbol(symbol)))
            } catch {
                sink(.ended(instrument: instrument, error: "\(symbol) feed: \(error)"))
            }
        }
        let exchange = self.exchange
        let backoff = self.backoff
        let logger = self.logger
        let configuration = exchange.rest.configuration
        await withTaskGroup(of: Void.self) { group in
            var first = 0
            while first < listed.count {
                let chunk = Array(listed[first..<min(first + Self.streamsPerConnection, listed.count)])
                first += chunk.count
                group.addTask {
                    var sequencers: [String: BinanceKlineSequencer] = [:]
                    for entry in chunk {
                        let instrument = entry.instrument
                        sequencers[entry.venueId.uppercased()] = BinanceKlineSequencer(
                            symbol: entry.symbol, timeframe: timeframe, exchange: exchange) { sink(.bar($0, instrument: instrument)) }
                    }
                    let ordered = chunk.compactMap { sequencers[$0.venueId.uppercased()] }
                    let table = sequencers
                    let url = BinanceEvent.url(configuration.webSocketBaseURL, chunk.map(\.venueId), timeframe)
                    let name = "binance klines \(chunk.count) symbols (\(chunk[0].symbol)...) \(timeframe)"
                    let socket = ReconnectingWebSocket(name: name, backoff: backoff,
                                                       maxConnectionAge: configuration.maxConnectionAge, logger: logger)
                    await socket.run(url: { url }, onConnect: { connection, _ in
                        guard connection > 0 else { return }
                        let now = WallClock().now()
                        for sequencer in ordered { await sequencer.reconnected(now: now) }
                    }, onMessage: { text in
                        guard case let .kline(venueSymbol, _, bar, closed) = BinanceStreamEvent.parse(text), closed,
                              let sequencer = table[venueSymbol.uppercased()] else { return }
                        await sequencer.receive(bar)
                    })
                }
            }
        }
    }
}

enum BinanceEvent {
    /// The combined-stream URL of the kline streams of `venueSymbols`.
    static func url(_ base: String, _ venueSymbols: [String], _ timeframe: Timeframe) -> String {
        BinanceStreamEvent.combinedURL(base: base, streams: venueSymbols.map {
            BinanceStreamEvent.klineStream($0, interval: timeframe.description)
        })
    }
}
