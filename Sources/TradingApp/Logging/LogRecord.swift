import Logging

/// One log event, ready to format: metadata already merged (logger, then call site) and redacted.
public struct LogRecord: Sendable {
    /// When it happened, Unix milliseconds (UTC).
    public var timestamp: Int64
    /// Its level.
    public var level: Logger.Level
    /// The logger's label, e.g. `graphwiz.kernel`.
    public var label: String
    /// The message.
    public var message: String
    /// Structured context.
    public var metadata: Logger.Metadata

    /// Creates a record.
    public init(timestamp: Int64, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) {
        self.timestamp = timestamp
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
    }
}
