import KnowledgeGraph
import Persistence
import TradingModel

/// The bars of the SQLite store as market series for the ``GraphUpdater``: every stored (symbol, timeframe),
/// on one exchange name (default `simulated`, the exchange backtests record their markets on, so regimes attach
/// to the same Market nodes).
struct StoredMarketSeriesSource: MarketSeriesSource {
    let store: SQLStore
    let exchange: String
    /// Only the newest bars of each series (default 5,000: enough for a 200-bar SMA and a long correlation).
    let maximumBars: Int

    init(store: SQLStore, exchange: String = BacktestGraphRecorder.exchange, maximumBars: Int = 5_000) {
        self.store = store
        self.exchange = exchange
        self.maximumBars = max(2, maximumBars)
    }

    /// Quote currencies recognised at the end of a symbol without `/` (longest first).
    static let quotes = ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USD", "EUR", "GBP", "BTC", "ETH", "BNB"]

    /// `(base, quote)` of a stored symbol: `BTC/USDT` → (BTC, USDT); `BTCUSDT` → (BTC, USDT); `BTC` → (BTC, USDT)
    /// as backtests assume.
    static func split(_ symbol: String) -> (base: String, quote: String) {
        let parts = symbol.split(separator: "/", maxSplits: 1)
        if parts.count == 2 { return (String(parts[0]), String(parts[1])) }
        for quote in quotes where symbol.count > quote.count && symbol.hasSuffix(quote) {
            return (String(symbol.dropLast(quote.count)), quote)
        }
        return (symbol, "USDT")
    }

    func series() async throws -> [MarketSeries] {
        let bars = BarStore(store: store)
        var result: [MarketSeries] = []
        for summary in try await bars.series() where summary.count >= 2 {
            var loaded = try await bars.bars(symbol: summary.symbol, timeframe: summary.timeframe)
            if loaded.count > maximumBars { loaded.removeFirst(loaded.count - maximumBars) }
            let (base, quote) = Self.split(summary.symbol)
            result.append(MarketSeries(exchange: exchange, symbol: "\(base)/\(quote)", base: base, quote: quote,
                                       timeframe: summary.timeframe, bars: loaded))
        }
        return result
    }
}
