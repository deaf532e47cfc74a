/// A destination for alert notifications (webhook, Slack, Discord, Telegram, email).
///
/// One call is one attempt: retries, backoff and counting are the ``AlertDispatcher``'s job.
public protocol AlertChannel: Sendable {
    /// Short name used in logs and as the `channel` label of `graphwiz_alerts_sent_total`, e.g. `slack`.
    var name: String { get }

    /// Sends one notification, giving up after `timeout`.
    /// - Throws: ``AlertDeliveryError`` saying whether a retry may help.
    func send(_ alert: Alert, timeout: Duration) async throws(AlertDeliveryError)
}
