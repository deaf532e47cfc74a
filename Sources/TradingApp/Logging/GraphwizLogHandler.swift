import Logging

/// The app's swift-log handler: takes its level from the ``LoggingRuntime`` (per module, changeable at run
/// time) unless a level was set on the logger itself, and hands every event to the runtime to redact, format
/// and write.
public struct GraphwizLogHandler: LogHandler {
    /// The logger's label.
    public let label: String
    /// Metadata attached to every event of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Adds task-local metadata to every event.
    public var metadataProvider: Logger.MetadataProvider?
    private let runtime: LoggingRuntime
    private var levelOverride: Logger.Level?

    /// A handler for `label` writing through `runtime`.
    public init(label: String, runtime: LoggingRuntime, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.runtime = runtime
        self.metadataProvider = metadataProvider
    }

    /// The configured level of this logger's module, or the level set on this logger.
    public var logLevel: Logger.Level {
        get { levelOverride ?? runtime.level(for: label) }
        set { levelOverride = newValue }
    }

    /// One metadata value of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Merges this logger's, the provider's and the event's metadata (later wins) and emits the event.
    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        if let error = event.error { merged["error"] = .string("\(error)") }
        runtime.emit(level: event.level, label: label, message: event.message.description, metadata: merged)
    }
}
