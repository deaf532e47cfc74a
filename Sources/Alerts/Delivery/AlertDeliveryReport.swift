/// The outcome of delivering one notification to one channel.
public struct AlertDeliveryReport: Sendable, Hashable {
    /// `success` or `failure`, the `outcome` label of `graphwiz_alerts_sent_total`.
    public enum Outcome: String, Sendable, Hashable {
        /// Delivered.
        case success
        /// Every attempt failed, or a permanent error stopped the retries.
        case failure
    }

    /// The notification's de-duplication key, e.g. `GraphwizDrawdownHigh`.
    public var alertKey: String
    /// Firing or resolved.
    public var status: AlertStatus
    /// The channel name.
    public var channel: String
    /// Attempts made.
    public var attempts: Int
    /// Success or failure.
    public var outcome: Outcome
    /// The last error, when the delivery failed.
    public var error: AlertDeliveryError?

    /// A report.
    public init(alertKey: String, status: AlertStatus, channel: String, attempts: Int, outcome: Outcome,
                error: AlertDeliveryError? = nil) {
        self.alertKey = alertKey
        self.status = status
        self.channel = channel
        self.attempts = attempts
        self.outcome = outcome
        self.error = error
    }
}
