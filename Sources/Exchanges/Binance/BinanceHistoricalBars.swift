import TradingCore
import TradingModel

/// Binance klines as a ``HistoricalBarSource`` (1000 per request), for `data download` and stream backfill.
public struct BinanceHistoricalBars: HistoricalBarSource {
    /// The adapter (symbol mapping and REST client).
    public let exchange: BinanceExchange
    /// Source of "now" (Unix ms) to drop the bar still forming.
    public let clock: @Sendable () -> Int64

    /// Creates a source.
    public init(exchange: BinanceExchange, clock: @escaping @Sendable () -> Int64 = { WallClock().now() }) {
        self.exchange = exchange
        self.clock = clock
    }

    public var venueName: String { "binance" }
    public var maxBarsPerRequest: Int { 1000 }

    public func bars(symbol: String, timeframe: Timeframe, from: Int64, to: Int64, limit: Int) async throws -> [Bar] {
        let id = try await exchange.venueSymbol(symbol)
        let interval = timeframe.description
        let klines = try await exchange.rest.klines(symbol: id, interval: interval, startTime: from, endTime: to,
                                                    limit: min(limit, maxBarsPerRequest))
        let now = clock() + (await exchange.rest.clockOffset)
        return try klines.filter { $0.openTime + timeframe.milliseconds <= now && $0.openTime >= from && $0.openTime <= to }
            .map(BinanceMapping.bar)
    }
}
