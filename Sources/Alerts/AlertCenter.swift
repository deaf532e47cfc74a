/// The service's alerting: evaluates each snapshot, delivers the resulting notifications and keeps what is
/// firing for the API and the dashboard.
public actor AlertCenter {
    private var evaluator: AlertEvaluator
    private let dispatcher: AlertDispatcher
    /// Reports of the last delivery round.
    public private(set) var lastReports: [AlertDeliveryReport] = []

    /// A center with these thresholds and channels.
    public init(thresholds: AlertThresholds, dispatcher: AlertDispatcher) {
        self.evaluator = AlertEvaluator(thresholds: thresholds)
        self.dispatcher = dispatcher
    }

    /// Evaluates `input`, delivers the notifications it produces (waiting for retries to finish) and returns them.
    @discardableResult
    public func process(_ input: AlertInput) async -> [Alert] {
        let alerts = evaluator.evaluate(input)
        guard !alerts.isEmpty else { return [] }
        lastReports = await dispatcher.deliver(alerts)
        return alerts
    }

    /// Alerts firing now.
    public var firing: [Alert] { evaluator.firing }

    /// Replaces the thresholds (configuration reload); firing alerts are kept and re-checked on the next snapshot.
    public func update(thresholds: AlertThresholds) { evaluator.thresholds = thresholds }
}
