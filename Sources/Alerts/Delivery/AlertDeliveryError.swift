/// Why one delivery attempt failed. The message names the channel, the step and what was expected, and
/// never contains a secret (webhook URLs, bot tokens and passwords are left out).
public struct AlertDeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: String, Sendable, Hashable {
        /// Could not connect, or the connection broke.
        case connection
        /// The attempt did not finish within the channel timeout.
        case timeout
        /// The server answered with a non-success HTTP status.
        case httpStatus
        /// The server answered but refused the message (Telegram `ok: false`, an SMTP 4xx/5xx reply).
        case rejected
        /// The server's answer broke the protocol.
        case protocolViolation
        /// The channel is configured wrongly (bad URL, missing recipient).
        case configuration
    }

    /// The channel name, e.g. `slack`.
    public var channel: String
    /// The failure kind.
    public var kind: Kind
    /// What failed, with the bad value and what was expected.
    public var message: String
    /// Whether another attempt may succeed (timeouts, connection errors, HTTP 408/429/5xx, SMTP 4xx).
    public var isRetryable: Bool
    /// The wait the server asked for (HTTP `Retry-After`, Telegram `retry_after`), if any.
    public var retryAfter: Duration?

    /// An error.
    public init(channel: String, kind: Kind, message: String, isRetryable: Bool, retryAfter: Duration? = nil) {
        self.channel = channel
        self.kind = kind
        self.message = message
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
    }

    /// `channel: message`.
    public var description: String { "\(channel): \(message)" }
}
