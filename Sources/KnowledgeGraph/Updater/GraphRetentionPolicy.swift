/// How long nodes of each label are kept, in days (by their `time` property; nodes without one are kept).
public struct GraphRetentionPolicy: Sendable, Hashable {
    /// Days per label; labels not listed use `defaultDays`.
    public var days: [String: Int]
    /// Days for the decision labels not listed in `days`, or nil to keep them forever.
    public var defaultDays: Int?
    /// The labels `defaultDays` applies to (default: ``decisionLabels``).
    public var labels: [String]

    /// The decision-graph labels. Market state (Regime, Pattern, Event) is history that research reads against
    /// old bars, so it is pruned only when named in `days`.
    public static let decisionLabels = [
        GraphSchema.signal, GraphSchema.agentDecision, GraphSchema.riskCheck, GraphSchema.order, GraphSchema.fill,
        GraphSchema.position, GraphSchema.trade,
    ]

    /// A policy; with no arguments nothing is deleted.
    public init(defaultDays: Int? = nil, days: [String: Int] = [:], labels: [String] = Self.decisionLabels) {
        self.defaultDays = defaultDays
        self.days = days
        self.labels = labels
    }

    /// `(label, cutoff in Unix ms)` for every label with a retention, sorted by label.
    public func cutoffs(now: Int64) -> [(label: String, cutoff: Int64)] {
        var result: [String: Int64] = [:]
        if let defaultDays {
            for label in labels { result[label] = now - Int64(defaultDays) * 86_400_000 }
        }
        for (label, days) in days { result[label] = now - Int64(days) * 86_400_000 }
        return result.keys.sorted().map { ($0, result[$0]!) }
    }
}
