/// A hole in a bar series: consecutive bars further apart than one timeframe.
public struct BarGap: Sendable, Hashable, Codable {
    /// Open time (Unix ms) of the last bar before the gap.
    public var after: Int64
    /// Open time (Unix ms) of the first bar after the gap.
    public var before: Int64
    /// Number of whole bars missing between them.
    public var missingBars: Int64
    /// 1-based line of the bar after the gap, when known.
    public var line: Int?

    /// Creates a gap record.
    public init(after: Int64, before: Int64, missingBars: Int64, line: Int?) {
        self.after = after
        self.before = before
        self.missingBars = missingBars
        self.line = line
    }
}
