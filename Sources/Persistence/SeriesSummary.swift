import TradingModel

/// One stored bar series, as listed by ``BarStore/series()``.
public struct SeriesSummary: Sendable, Hashable, Codable {
    /// Symbol, e.g. `BTC/USDT`.
    public var symbol: String
    /// Bar timeframe of the series.
    public var timeframe: Timeframe
    /// Number of stored bars.
    public var count: Int
    /// Open time (Unix ms) of the first and last stored bar; nil when the series is empty.
    public var first: Int64?
    /// Open time of the last stored bar.
    public var last: Int64?
    /// Where the bars came from; several imports from different sources are listed comma-separated.
    public var source: String

    /// Creates a summary.
    public init(symbol: String, timeframe: Timeframe, count: Int, first: Int64?, last: Int64?, source: String) {
        self.symbol = symbol
        self.timeframe = timeframe
        self.count = count
        self.first = first
        self.last = last
        self.source = source
    }
}
