import Foundation

/// Whether a notification announces a problem or its end.
public enum AlertStatus: String, Sendable, Hashable, Codable {
    /// The rule's condition holds.
    case firing
    /// The condition held and no longer does.
    case resolved
}

/// One notification to deliver: a rule's transition (or re-notification) for one label set.
public struct Alert: Sendable, Hashable {
    /// The rule (its raw value is the alert name).
    public var rule: AlertRule
    /// Firing or resolved.
    public var status: AlertStatus
    /// Labels that tell alerts of one rule apart, e.g. `["exchange": "binance"]`; empty for portfolio rules.
    public var labels: [String: String]
    /// The observed value that crossed (or stopped crossing) the threshold.
    public var value: Double
    /// The configured threshold.
    public var threshold: Double
    /// One line for people, e.g. `drawdown 18.00% reached the limit 15.00%`.
    public var summary: String
    /// When the alert started firing.
    public var startsAt: Date
    /// When this notification was produced.
    public var at: Date
    /// Whether this is a repeat of a notification already sent while the alert keeps firing.
    public var isRenotification: Bool

    /// A notification.
    public init(rule: AlertRule, status: AlertStatus, labels: [String: String] = [:], value: Double, threshold: Double,
                summary: String, startsAt: Date, at: Date, isRenotification: Bool = false) {
        self.rule = rule
        self.status = status
        self.labels = labels
        self.value = value
        self.threshold = threshold
        self.summary = summary
        self.startsAt = startsAt
        self.at = at
        self.isRenotification = isRenotification
    }

    /// The alert name, e.g. `GraphwizDrawdownHigh`.
    public var name: String { rule.rawValue }
    /// The severity of the rule.
    public var severity: AlertSeverity { rule.severity }
    /// Identity used for de-duplication: the name and the sorted labels, e.g. `GraphwizExchangeDisconnected{exchange=binance}`.
    public var key: String { AlertKey(rule: rule, labels: labels).description }
}

/// The identity of one alert instance: its rule and labels.
struct AlertKey: Hashable, CustomStringConvertible {
    var rule: AlertRule
    var labels: [String: String]

    var description: String {
        guard !labels.isEmpty else { return rule.rawValue }
        let pairs = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(rule.rawValue){\(pairs.joined(separator: ","))}"
    }
}
