import TradingModel

/// The listing form of a ``StoredRun``: everything but the configuration and the full report.
public struct StoredRunSummary: Sendable, Hashable, Codable {
    /// Run id.
    public var id: String
    /// Creation time, Unix ms.
    public var createdAt: Int64
    /// Backtest or sweep.
    public var kind: RunKind
    /// Strategy name.
    public var strategy: String
    /// Symbols the run traded.
    public var symbols: [String]
    /// Bar timeframe of the run.
    public var timeframe: Timeframe
    /// Summary metrics (JSON object).
    public var metricsJSON: String

    /// Creates a summary.
    public init(id: String, createdAt: Int64, kind: RunKind, strategy: String, symbols: [String], timeframe: Timeframe,
                metricsJSON: String) {
        self.id = id
        self.createdAt = createdAt
        self.kind = kind
        self.strategy = strategy
        self.symbols = symbols
        self.timeframe = timeframe
        self.metricsJSON = metricsJSON
    }
}
