import TradingModel

/// A venue endpoint that serves past bars page by page (Binance klines, Kraken OHLC), so `data download` can
/// fetch any venue's history with one paginated, resumable loop.
public protocol HistoricalBarSource: Sendable {
    /// Venue name for messages and the stored series' source label.
    var venueName: String { get }
    /// The most bars one request returns.
    var maxBarsPerRequest: Int { get }
    /// Bars of `symbol` opening in `[from, to]` (Unix ms), oldest first, at most `limit` of them; only bars
    /// that have closed by `now` are returned.
    func bars(symbol: String, timeframe: Timeframe, from: Int64, to: Int64, limit: Int) async throws -> [Bar]
}
