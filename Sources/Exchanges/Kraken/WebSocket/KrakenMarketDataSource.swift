import Logging
import TradingCore
import TradingModel

/// Live Kraken market data over WebSocket v2: closed bars from the `ohlc` channel and public trades from the
/// `trade` channel. Reconnects with backoff and resubscribes; bars or trades missed while disconnected (or
/// skipped) are fetched over REST, so the stream has no holes and no duplicates.
public struct KrakenMarketDataSource: MarketDataSource {
    /// Intervals (minutes) Kraken offers.
    public static let intervals: Set<Int64> = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600]

    let configuration: KrakenConfiguration
    let rest: KrakenRESTClient
    let pairs: KrakenPairCache
    let logger: Logger

    /// Creates a source; `rest` defaults to a client for the same configuration.
    public init(configuration: KrakenConfiguration, rest: KrakenRESTClient? = nil,
                logger: Logger = Logger(label: "graphwiz.kraken.marketdata")) throws {
        self.configuration = configuration
        let client = try rest ?? KrakenRESTClient(configuration: configuration)
        self.rest = client
        self.pairs = KrakenPairCache(rest: client)
        self.logger = logger
    }

    /// Closed bars of `symbol` (`BTC/EUR`), in time order, starting with the first bar that closes after
    /// subscribing. Fails at once for a timeframe Kraken does not offer.
    public func bars(symbol: String, timeframe: Timeframe) -> AsyncThrowingStream<Bar, Error> {
        let (stream, continuation) = AsyncThrowingStream<Bar, Error>.makeStream()
        let minutes = timeframe.seconds / 60
        guard timeframe.seconds % 60 == 0, Self.intervals.contains(minutes) else {
            continuation.finish(throwing: ExchangeError(kind: .invalidRequest, venue: KrakenErrorMapper.venue,
                message: "ohlc: timeframe \(timeframe) is not offered; Kraken has 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w, 15d"))
            return stream
        }
        let state = KrakenBarStreamState(intervalMillis: timeframe.milliseconds)
        let session = KrakenWebSocketSession(url: configuration.webSocketURL, configuration: configuration, logger: logger)
        let rest = self.rest, pairs = self.pairs, logger = self.logger
        let subscribe = #"{"method":"subscribe","params":{"channel":"ohlc","symbol":["\#(symbol)"],"interval":\#(minutes),"snapshot":false},"req_id":1}"#
        let task = Task {
            await session.run(subscriptions: { [subscribe] }, onConnect: { number in
                if number > 1 { await state.markReconnected() }
            }, onMessage: { json in
                guard json["channel"]?.string == "ohlc" else { return }
                for candle in json["data"]?.array ?? [] where candle["symbol"]?.string == symbol {
                    guard let bar = Self.bar(candle) else { continue }
                    let step = await state.update(bar)
                    if let closed = step.closed { continuation.yield(closed) }
                    if let range = step.backfill {
                        let after = range.after, before = range.before
                        do {
                            let altname = try await pairs.altname(symbol: symbol)
                            let fetched = try await rest.ohlc(pair: altname, intervalMinutes: Int(minutes), since: after / 1000)
                            for b in fetched.bars where b.time > after && b.time < before {
                                continuation.yield(b)
                                await state.didEmit(time: b.time)
                            }
                        } catch {
                            logger.warning("kraken ohlc backfill of \(symbol) (\(after)..<\(before)) failed: \(error)")
                        }
                    }
                }
            })
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// Public trades of `symbol` as they happen, without gaps: a jump in `trade_id` (after a reconnect) is
    /// filled from the REST `Trades` endpoint.
    public func trades(symbol: String) -> AsyncThrowingStream<KrakenPublicTrade, Error> {
        let (stream, continuation) = AsyncThrowingStream<KrakenPublicTrade, Error>.makeStream()
        let session = KrakenWebSocketSession(url: configuration.webSocketURL, configuration: configuration, logger: logger)
        let rest = self.rest, pairs = self.pairs, logger = self.logger
        let last = KrakenTradeCursor()
        let subscribe = #"{"method":"subscribe","params":{"channel":"trade","symbol":["\#(symbol)"],"snapshot":false},"req_id":2}"#
        let task = Task {
            await session.run(subscriptions: { [subscribe] }, onConnect: { _ in }, onMessage: { json in
                guard json["channel"]?.string == "trade" else { return }
                for entry in json["data"]?.array ?? [] where entry["symbol"]?.string == symbol {
                    guard let trade = Self.trade(entry) else { continue }
                    let previous = await last.value
                    if let previous, trade.id <= previous.id { continue }
                    if let previous, trade.id > previous.id + 1 {
                        do {
                            let altname = try await pairs.altname(symbol: symbol)
                            var since = String(previous.timeNanos - 1)
                            var seen = previous.id
                            fetching: while true {
                                let page = try await rest.trades(pair: altname, since: since)
                                for t in page.trades where t.id > seen && t.id < trade.id {
                                    continuation.yield(t)
                                    seen = t.id
                                }
                                if page.trades.isEmpty || page.trades.last!.id >= trade.id - 1 || page.last == since { break fetching }
                                since = page.last
                            }
                        } catch {
                            logger.warning("kraken trade backfill of \(symbol) after id \(previous.id) failed: \(error)")
                        }
                    }
                    continuation.yield(trade)
                    await last.set(trade)
                }
            })
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// A bar from one `ohlc` data entry.
    static func bar(_ c: KrakenJSON) -> Bar? {
        guard let begin = c["interval_begin"]?.string, let nanos = KrakenTime.nanos(rfc3339: begin),
              let o = c["open"]?.double, let h = c["high"]?.double, let l = c["low"]?.double, let cl = c["close"]?.double,
              let v = c["volume"]?.double else { return nil }
        return Bar(time: nanos / 1_000_000, open: o, high: h, low: l, close: cl, volume: v)
    }

    /// A trade from one `trade` data entry.
    static func trade(_ e: KrakenJSON) -> KrakenPublicTrade? {
        guard let id = e["trade_id"]?.int64, let p = e["price"]?.fixed, let q = e["qty"]?.fixed,
              let ts = e["timestamp"]?.string, let nanos = KrakenTime.nanos(rfc3339: ts) else { return nil }
        return KrakenPublicTrade(id: id, price: p, quantity: q, timeNanos: nanos, side: e["side"]?.string == "sell" ? .sell : .buy)
    }
}

/// The assembler behind an actor, for the WebSocket callbacks.
actor KrakenBarStreamState {
    private var assembler: KrakenBarAssembler
    init(intervalMillis: Int64) { assembler = KrakenBarAssembler(intervalMillis: intervalMillis) }
    func markReconnected() { assembler.markReconnected() }
    func update(_ bar: Bar) -> KrakenBarAssembler.Step { assembler.update(bar) }
    func didEmit(time: Int64) { assembler.didEmit(time: time) }
}

/// The last trade yielded on a trade stream.
actor KrakenTradeCursor {
    private(set) var value: KrakenPublicTrade?
    func set(_ trade: KrakenPublicTrade) { value = trade }
}
