import TradingModel

/// The bars of one market on one timeframe, as the updater reads them.
public struct MarketSeries: Sendable, Hashable {
    /// Exchange name (the market id is `<exchange>:<symbol>`).
    public var exchange: String
    /// Symbol as the exchange lists it (`BTC/USDT`).
    public var symbol: String
    /// Base asset code (e.g. `BTC`).
    public var base: String
    /// Quote asset code (e.g. `USDT`).
    public var quote: String
    /// Bar length.
    public var timeframe: Timeframe
    /// Oldest first.
    public var bars: [Bar]

    /// A series of `bars`.
    public init(exchange: String, symbol: String, base: String, quote: String, timeframe: Timeframe, bars: [Bar]) {
        self.exchange = exchange
        self.symbol = symbol
        self.base = base
        self.quote = quote
        self.timeframe = timeframe
        self.bars = bars
    }

    /// `(:Market {id: "<exchange>:<symbol>"})`.
    public var marketRef: GraphNodeRef { GraphNodeRef(label: GraphSchema.market, id: "\(exchange):\(symbol)") }
}

/// Where the updater gets its bars from (the bar store in the app; fixtures in tests).
public protocol MarketSeriesSource: Sendable {
    /// Every series to refresh the market graph from.
    func series() async throws -> [MarketSeries]
}
