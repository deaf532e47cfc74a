import Foundation
import GraphwizConfig
import Logging

/// Bootstraps swift-log once per process with ``GraphwizLogHandler`` over ``LoggingRuntime/shared``.
///
/// `graphwiz` calls ``bootstrapForCommands(environment:)`` first thing (warnings and above to standard error,
/// so a command's standard output stays its result); `graphwiz serve` then calls ``apply(_:)`` with the
/// `logging:` section of its configuration (and again on reload).
public enum LoggingBootstrap {
    /// The environment variable that sets the level of one-shot commands (default `warning`).
    public static let levelVariable = "GRAPHWIZ_LOG_LEVEL"

    private static let once = BootstrapOnce()

    /// Installs the handler factory in swift-log; later calls do nothing.
    public static func bootstrap() {
        once.run {
            LoggingSystem.bootstrap { label in LoggingRuntime.shared.handler(label: label) }
        }
    }

    /// Bootstraps and logs `$GRAPHWIZ_LOG_LEVEL` and above (default `warning`) as text to standard error.
    public static func bootstrapForCommands(environment: [String: String] = ProcessInfo.processInfo.environment) {
        bootstrap()
        let level = environment[levelVariable].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        LoggingRuntime.shared.configure(levels: LogLevelTable(defaultLevel: level), format: .text,
                                        sinks: [ConsoleLogSink(.standardError)])
    }

    /// Bootstraps if needed and applies a `logging:` section (the service: standard output and/or the file).
    ///
    /// - Throws: ``LoggingSetupError`` when the log file cannot be opened; the previous setup stays.
    public static func apply(_ config: LoggingConfig) throws {
        bootstrap()
        try LoggingRuntime.shared.apply(config, console: .standardOutput)
    }
}

/// Runs a closure at most once per process.
private final class BootstrapOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false

    func run(_ body: () -> Void) {
        lock.withLock {
            guard !done else { return }
            done = true
            body()
        }
    }
}
