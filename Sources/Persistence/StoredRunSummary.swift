import TradingModel

/// The listing form of a ``StoredRun``: everything but the configuration and the full report.
public struct StoredRunSummary: Sendable, Hashable, Codable {
    public var id: String
    /// Creation time, Unix ms.
    public var createdAt: Int64
    public var kind: RunKind
    public var strategy: String
    public var symbols: [String]
    public var timeframe: Timeframe
    /// Summary metrics (JSON object).
    public var metricsJSON: String

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
