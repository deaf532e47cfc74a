import TradingModel

/// Everything ``BarValidator`` found in a series: per-row errors, gap warnings and summary counts.
public struct ValidationReport: Sendable {
    /// File name used in messages.
    public var file: String
    /// Number of bars checked (rows that parsed).
    public var barCount: Int
    /// All issues in line order: reader problems, price errors, time order errors, gap warnings.
    public var issues: [ValidationIssue]
    /// The timeframe gaps were measured against (nil when fewer than two bars and none was given).
    public var timeframe: Timeframe?
    /// True when `timeframe` was inferred as the most common spacing rather than given.
    public var timeframeInferred: Bool
    /// Number of gaps (spacings longer than one timeframe).
    public var gapCount: Int
    /// Total number of missing bars over all gaps.
    public var missingBars: Int64
    /// The first few gaps, in time order.
    public var firstGaps: [BarGap]
    /// Open time of the earliest and latest bar, when there are bars.
    public var firstTime: Int64?
    /// Open time of the latest bar.
    public var lastTime: Int64?

    /// Creates a report (``BarValidator`` builds these).
    public init(file: String, barCount: Int, issues: [ValidationIssue], timeframe: Timeframe?,
                timeframeInferred: Bool, gapCount: Int, missingBars: Int64, firstGaps: [BarGap],
                firstTime: Int64?, lastTime: Int64?) {
        self.file = file
        self.barCount = barCount
        self.issues = issues
        self.timeframe = timeframe
        self.timeframeInferred = timeframeInferred
        self.gapCount = gapCount
        self.missingBars = missingBars
        self.firstGaps = firstGaps
        self.firstTime = firstTime
        self.lastTime = lastTime
    }

    /// The issues that make the data unfit for import.
    public var errors: [ValidationIssue] { issues.filter { $0.severity == .error } }
    /// Gap and spacing warnings.
    public var warnings: [ValidationIssue] { issues.filter { $0.severity == .warning } }
    /// Number of errors.
    public var errorCount: Int { issues.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) } }
    /// Number of warnings.
    public var warningCount: Int { issues.count - errorCount }
    /// True when there is no error (warnings allowed).
    public var isValid: Bool { errorCount == 0 }

    /// A one-line summary such as `btc.csv: 1440 bars, 1m (inferred), 2 errors, 1 warning, 1 gap (3 missing bars)`.
    public var summary: String {
        var parts = ["\(barCount) bars"]
        if let timeframe { parts.append("\(timeframe)\(timeframeInferred ? " (inferred)" : "")") }
        if let firstTime, let lastTime {
            parts.append("\(UTCTimestamp.iso8601(firstTime)) to \(UTCTimestamp.iso8601(lastTime))")
        }
        let errors = errorCount
        let warnings = warningCount
        parts.append("\(errors) error\(errors == 1 ? "" : "s")")
        parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")")
        parts.append("\(gapCount) gap\(gapCount == 1 ? "" : "s") (\(missingBars) missing bar\(missingBars == 1 ? "" : "s"))")
        return "\(file): " + parts.joined(separator: ", ")
    }
}
