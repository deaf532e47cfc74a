/// What one ``GraphUpdater/refresh()`` did.
public struct GraphUpdateReport: Sendable, Hashable, Codable {
    /// Series read.
    public var series = 0
    /// CORRELATED_WITH relationships written.
    public var correlations = 0
    /// Regime episodes written.
    public var regimes = 0
    /// Patterns written.
    public var patterns = 0
    /// TimeframeStats nodes written.
    public var statistics = 0
    /// Nodes deleted by retention, by label.
    public var deleted: [String: Int] = [:]
    /// The refresh time (Unix ms).
    public var asOf: Int64 = 0

    /// An empty report.
    public init() {}

    /// One line for logs and the CLI.
    public var summary: String {
        let pruned = deleted.values.reduce(0, +)
        return "graph update: \(series) series, \(correlations) correlations, \(regimes) regime episodes, "
            + "\(patterns) patterns, \(statistics) statistics, \(pruned) nodes pruned"
    }
}
