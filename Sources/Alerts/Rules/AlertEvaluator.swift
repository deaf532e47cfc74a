import Foundation

/// Evaluates the alert rules on snapshots and decides what to notify: a new firing alert once, a repeat
/// only after `renotifySeconds`, and a resolved notice once when the condition clears.
///
/// A plain struct with no I/O, so tests drive it with snapshots and exact times.
/// - Complexity: O(venues) per ``evaluate(_:)``.
public struct AlertEvaluator: Sendable {
    /// The limits in force (replace them on a configuration reload; active alerts are kept).
    public var thresholds: AlertThresholds
    private var active: [AlertKey: ActiveAlert] = [:]
    private var disconnectedSince: [String: Date] = [:]

    /// An evaluator with no active alert.
    public init(thresholds: AlertThresholds = AlertThresholds()) { self.thresholds = thresholds }

    /// The alerts firing now, ordered by rule then labels, as last notified.
    public var firing: [Alert] {
        active.values.map(\.alert).sorted { ($0.rule.order, $0.key) < ($1.rule.order, $1.key) }
    }

    /// Evaluates every rule on `input` and returns the notifications to send, in rule order.
    public mutating func evaluate(_ input: AlertInput) -> [Alert] {
        var out: [Alert] = []
        let t = thresholds
        let pct = { (x: Double) in String(format: "%.2f%%", x * 100) }
        apply(Condition(rule: .drawdown, value: input.drawdown, threshold: t.maxDrawdown, holds: input.drawdown >= t.maxDrawdown,
                        firing: "drawdown \(pct(input.drawdown)) reached the limit \(pct(t.maxDrawdown))",
                        resolved: "drawdown \(pct(input.drawdown)) is back under the limit \(pct(t.maxDrawdown))"),
              at: input.time, into: &out)
        apply(Condition(rule: .dailyLoss, value: input.dailyLoss, threshold: t.maxDailyLoss, holds: input.dailyLoss >= t.maxDailyLoss,
                        firing: "daily loss \(pct(input.dailyLoss)) reached the limit \(pct(t.maxDailyLoss))",
                        resolved: "daily loss \(pct(input.dailyLoss)) is back under the limit \(pct(t.maxDailyLoss))"),
              at: input.time, into: &out)
        let exposure = String(format: "%.2fx", input.grossExposure), exposureLimit = String(format: "%.2fx", t.maxGrossExposure)
        apply(Condition(rule: .exposure, value: input.grossExposure, threshold: t.maxGrossExposure,
                        holds: input.grossExposure >= t.maxGrossExposure,
                        firing: "gross exposure \(exposure) of equity reached the limit \(exposureLimit)",
                        resolved: "gross exposure \(exposure) of equity is back under the limit \(exposureLimit)"),
              at: input.time, into: &out)
        evaluateVenues(input, into: &out)
        let window = Int(t.rejectionWindowSeconds.rounded())
        apply(Condition(rule: .orderRejections, value: Double(input.rejectionsInWindow), threshold: Double(t.maxRejections),
                        holds: input.rejectionsInWindow > t.maxRejections,
                        firing: "\(input.rejectionsInWindow) order rejections in the last \(window) s, more than \(t.maxRejections)",
                        resolved: "\(input.rejectionsInWindow) order rejections in the last \(window) s, at most \(t.maxRejections)"),
              at: input.time, into: &out)
        return out
    }

    private mutating func evaluateVenues(_ input: AlertInput, into out: inout [Alert]) {
        let limit = thresholds.exchangeDisconnectedSeconds
        for (venue, connected) in input.exchangeConnected.sorted(by: { $0.key < $1.key }) {
            let since = connected ? nil : (disconnectedSince[venue] ?? input.time)
            disconnectedSince[venue] = since
            let down = since.map { input.time.timeIntervalSince($0) } ?? 0
            let seconds = Int(down.rounded())
            apply(Condition(rule: .exchangeDisconnected, labels: ["exchange": venue], value: down, threshold: limit,
                            holds: since != nil && down >= limit, startsAt: since,
                            firing: "exchange \(venue) disconnected for \(seconds) s (limit \(Int(limit.rounded())) s)",
                            resolved: "exchange \(venue) is connected again"),
                  at: input.time, into: &out)
        }
    }

    private mutating func apply(_ c: Condition, at now: Date, into out: inout [Alert]) {
        let key = AlertKey(rule: c.rule, labels: c.labels)
        if c.holds {
            if var current = active[key] {
                let renotify = thresholds.renotifySeconds
                guard renotify > 0, now.timeIntervalSince(current.lastSent) >= renotify else { return }
                current.alert = c.alert(.firing, startsAt: current.alert.startsAt, at: now, renotification: true)
                current.lastSent = now
                active[key] = current
                out.append(current.alert)
            } else {
                let alert = c.alert(.firing, startsAt: c.startsAt ?? now, at: now, renotification: false)
                active[key] = ActiveAlert(alert: alert, lastSent: now)
                out.append(alert)
            }
        } else if let current = active.removeValue(forKey: key), thresholds.sendResolved {
            out.append(c.alert(.resolved, startsAt: current.alert.startsAt, at: now, renotification: false))
        }
    }
}

/// A firing alert and when it was last sent.
private struct ActiveAlert: Sendable {
    var alert: Alert
    var lastSent: Date
}

/// One rule's verdict on one snapshot.
private struct Condition {
    var rule: AlertRule
    var labels: [String: String] = [:]
    var value: Double
    var threshold: Double
    /// Whether the condition holds (NaN never does).
    var holds: Bool
    var startsAt: Date? = nil
    var firing: String
    var resolved: String

    func alert(_ status: AlertStatus, startsAt: Date, at: Date, renotification: Bool) -> Alert {
        Alert(rule: rule, status: status, labels: labels, value: value, threshold: threshold,
              summary: status == .firing ? firing : resolved, startsAt: startsAt, at: at, isRenotification: renotification)
    }
}

extension AlertRule {
    /// Position in ``AlertRule/allCases``, for stable ordering.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
