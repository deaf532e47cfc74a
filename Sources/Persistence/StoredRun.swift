import MarketData
import TradingModel

/// A finished backtest or sweep with its metrics, configuration and full report, all as JSON text.
public struct StoredRun: Sendable, Hashable, Codable {
    /// Unique id such as `bt-20241124-223512-a1b2c3` (see ``makeID(kind:createdAt:suffix:)``).
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
    /// The configuration that produced the run (JSON).
    public var configJSON: String
    /// The full report (JSON).
    public var reportJSON: String

    /// Creates a run record.
    public init(id: String, createdAt: Int64, kind: RunKind, strategy: String, symbols: [String], timeframe: Timeframe,
                metricsJSON: String, configJSON: String, reportJSON: String) {
        self.id = id
        self.createdAt = createdAt
        self.kind = kind
        self.strategy = strategy
        self.symbols = symbols
        self.timeframe = timeframe
        self.metricsJSON = metricsJSON
        self.configJSON = configJSON
        self.reportJSON = reportJSON
    }

    /// The summary of this run as listed by ``RunStore/list(limit:)``.
    public var summary: StoredRunSummary {
        StoredRunSummary(id: id, createdAt: createdAt, kind: kind, strategy: strategy, symbols: symbols,
                         timeframe: timeframe, metricsJSON: metricsJSON)
    }

    /// A run id `<prefix>-<yyyyMMdd>-<HHmmss>-<suffix>` in UTC, e.g. `bt-20241124-223512-a1b2c3`.
    ///
    /// - Parameter suffix: six lowercase hex digits; random when nil.
    public static func makeID(kind: RunKind, createdAt: Int64, suffix: String? = nil) -> String {
        var days = createdAt / 86_400_000
        var ms = createdAt % 86_400_000
        if ms < 0 {
            ms += 86_400_000
            days -= 1
        }
        let (year, month, day) = UTCTimestamp.civilFromDays(days)
        let seconds = ms / 1000
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(year)\(two(month))\(two(day))"
        let time = "\(two(seconds / 3600))\(two(seconds / 60 % 60))\(two(seconds % 60))"
        let tail = suffix ?? {
            let value = UInt32.random(in: 0...0xFF_FFFF)
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 6 - hex.count) + hex
        }()
        return "\(kind.idPrefix)-\(date)-\(time)-\(tail)"
    }
}
