/// Sends each notification as a plain-text email over SMTP (see ``SMTPConfiguration``).
public struct EmailChannel: AlertChannel {
    /// `email`.
    public let name = "email"
    private let client: SMTPClient

    /// An email channel.
    public init(configuration: SMTPConfiguration) { self.client = SMTPClient(configuration: configuration) }

    public func send(_ alert: Alert, timeout: Duration) async throws(AlertDeliveryError) {
        let c = client.configuration
        try await client.send(data: SMTPMessage.render(alert, from: c.from, to: c.to, subjectPrefix: c.subjectPrefix), timeout: timeout)
    }
}
