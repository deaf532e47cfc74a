import Foundation
import GraphwizConfig
import Logging

/// The live logging configuration shared by every ``GraphwizLogHandler``: levels, line format and sinks.
/// swift-log is bootstrapped once (``LoggingBootstrap``); afterwards ``apply(_:console:)`` changes levels,
/// format and destinations at run time (on start-up with the config file, on SIGHUP reload).
public final class LoggingRuntime: @unchecked Sendable {
    /// The runtime behind the process-wide swift-log bootstrap.
    public static let shared = LoggingRuntime()

    private let lock = NSLock()
    private var levels: LogLevelTable
    private var formatter: LogFormatter
    private var sinks: [any LogSink]
    private let now: @Sendable () -> Int64

    /// A runtime with `levels`, `format` and `sinks`; `now` gives Unix milliseconds (the wall clock by default).
    public init(levels: LogLevelTable = LogLevelTable(defaultLevel: .info), format: LogFormat = .text,
                sinks: [any LogSink] = [], now: @escaping @Sendable () -> Int64 = LoggingRuntime.wallClock) {
        self.levels = levels
        self.formatter = LogFormatter(format: format)
        self.sinks = sinks
        self.now = now
    }

    /// Unix milliseconds now.
    @Sendable public static func wallClock() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Replaces levels, format and sinks; sinks no longer used are closed.
    public func configure(levels: LogLevelTable, format: LogFormat, sinks: [any LogSink]) {
        let old = lock.withLock {
            let old = self.sinks
            self.levels = levels
            self.formatter = LogFormatter(format: format)
            self.sinks = sinks
            return old
        }
        for sink in old where !sinks.contains(where: { $0 === sink }) { sink.close() }
    }

    /// Applies a `logging:` section: levels, format, the console (`console`, when `logging.stdout` is true or
    /// no file is set) and the rotating `logging.file`. An already open file with the same path and rotation
    /// settings is kept, so a reload loses no line.
    ///
    /// - Throws: ``LoggingSetupError`` when the file cannot be opened; the previous configuration stays.
    public func apply(_ config: LoggingConfig, console: ConsoleLogSink.Stream = .standardOutput) throws {
        var next: [any LogSink] = []
        if config.stdout || config.file.isEmpty {
            next.append(existing { ($0 as? ConsoleLogSink)?.stream == console } ?? ConsoleLogSink(console))
        }
        if !config.file.isEmpty {
            let maxBytes = config.maxSizeMB * 1024 * 1024
            let reused = existing {
                guard let file = $0 as? RotatingFileLogSink else { return false }
                return file.path == config.file && file.maxBytes == maxBytes && file.keepFiles == config.keepFiles
            }
            next.append(try reused ?? RotatingFileLogSink(path: config.file, maxBytes: maxBytes, keepFiles: config.keepFiles))
        }
        configure(levels: LogLevelTable(config), format: config.format, sinks: next)
    }

    private func existing(_ matches: (any LogSink) -> Bool) -> (any LogSink)? {
        lock.withLock { sinks.first(where: matches) }
    }

    /// The level for the logger called `label`.
    public func level(for label: String) -> Logger.Level {
        lock.withLock { levels.level(for: label) }
    }

    /// A handler writing through this runtime (the factory to pass to `LoggingSystem.bootstrap` or `Logger`).
    public func handler(label: String) -> GraphwizLogHandler {
        GraphwizLogHandler(label: label, runtime: self)
    }

    /// Redacts, formats and writes one event to every sink.
    func emit(level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) {
        let (formatter, sinks) = lock.withLock { (self.formatter, self.sinks) }
        guard !sinks.isEmpty else { return }
        let record = LogRecord(timestamp: now(), level: level, label: label, message: message,
                               metadata: LogRedactor.redact(metadata))
        let line = formatter.line(record)
        for sink in sinks { sink.write(line) }
    }
}
