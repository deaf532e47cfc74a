import MarketData
import Simulation
import TradingCore
import TradingModel

/// The `sim` venue: generated bars replayed through the paper venue. `trade` and `serve` reach it through
/// ``ExchangeVenueProvider``, which serves `binance` and `kraken` itself; asked directly for those, this
/// provider answers that their adapter is not linked here.
public struct SimulatedVenueProvider: VenueProvider {
    /// Bars generated per symbol.
    public var bars: Int
    /// Generator seed.
    public var seed: UInt64
    /// Replay speed in bars per second (0 = as fast as possible).
    public var barsPerSecond: Double
    /// Starting quote balance of the paper account.
    public var cash: Money
    /// Matching rules of the paper venue (the backtest's defaults).
    public var matching: MatchingConfig

    public init(bars: Int = 2_000, seed: UInt64 = 42, barsPerSecond: Double = 0, cash: Money = Fixed(10_000),
                matching: MatchingConfig = MatchingConfig()) {
        self.bars = bars
        self.seed = seed
        self.barsPerSecond = barsPerSecond
        self.cash = cash
        self.matching = matching
    }

    public func connect(venue: String, mode: VenueMode, symbols: [String], timeframe: Timeframe) async throws -> VenueConnection {
        switch venue {
        case "sim":
            guard mode != .live else {
                throw VenueProviderError("--exchange sim has no live mode: use --mode paper, or binance/kraken for live")
            }
            var series: [String: [Bar]] = [:]
            for (index, symbol) in symbols.enumerated() {
                var generator = try SyntheticBarGenerator(seed: seed &+ UInt64(index), timeframe: timeframe)
                series[symbol] = generator.generate(count: bars)
            }
            let instruments = symbols.map { symbol in
                Instrument(symbol: symbol, tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!, minNotional: Fixed(5))
            }
            let quote = instruments.first?.quote ?? "USDT"
            let exchange = try PaperExchange(instruments: instruments, timeframe: timeframe, matching: matching,
                                             balances: [Balance(asset: quote, free: cash)], clock: WallClock(), name: "sim")
            return VenueConnection(exchange: exchange,
                                   marketData: ReplayMarketDataSource(series: series, barsPerSecond: barsPerSecond))
        case "binance", "kraken":
            throw VenueProviderError("the \(venue) adapter is not linked into this build yet; use --exchange sim "
                + "(generated bars through the paper venue) until it is")
        default:
            throw VenueProviderError("unknown exchange '\(venue)'; expected sim, binance or kraken")
        }
    }
}
