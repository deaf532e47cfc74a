/// The layout a ``CSVBarReader`` recognised in a file.
public enum CSVFormat: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// A header row names the time and OHLCV columns.
    case header
    /// Headerless CCXT OHLCV rows: `ms, open, high, low, close, volume`.
    case ccxt
    /// Headerless Binance kline rows (12 columns, open time in ms or µs).
    case binanceKline

    /// A short human name of the layout.
    public var description: String {
        switch self {
        case .header: return "CSV with header"
        case .ccxt: return "CCXT OHLCV rows"
        case .binanceKline: return "Binance kline rows"
        }
    }
}
