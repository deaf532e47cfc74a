/// A log level, from the most to the least verbose (swift-log's levels).
public enum LogLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything, including per-bar tracing.
    case trace
    /// Diagnostic detail.
    case debug
    /// Normal operation (the default).
    case info
    /// Noteworthy normal events.
    case notice
    /// Something unexpected that was handled.
    case warning
    /// A failed operation.
    case error
    /// The service cannot continue.
    case critical
}

/// How log lines are written.
public enum LogFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// One JSON object per line (timestamp, level, logger, message, metadata).
    case json
    /// Human-readable text.
    case text
}

/// The `logging:` section.
public struct LoggingConfig: Sendable, Hashable, Codable {
    /// The level of every module without its own entry in ``modules``; default `info`.
    public var level: LogLevel = .info
    /// Line format; default `text`.
    public var format: LogFormat = .text
    /// Log file path; empty (the default) logs to standard output only.
    public var file = ""
    /// Also write to standard output when ``file`` is set; default true (standard output is always used
    /// when no file is set).
    public var stdout = true
    /// Size in MB at which the file is rotated; default 10.
    public var maxSizeMB = 10
    /// Number of rotated files kept; default 5.
    public var keepFiles = 5
    /// Per-module levels, e.g. `{kernel: debug}`.
    public var modules: [String: LogLevel] = [:]

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case level, format, file, stdout, maxSizeMB = "max_size_mb", keepFiles = "keep_files", modules
    }
}
