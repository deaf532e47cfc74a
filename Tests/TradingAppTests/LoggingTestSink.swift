import Foundation
import GraphwizConfig
import Logging
@testable import TradingApp

/// Collects written lines in memory.
final class LoggingTestSink: LogSink, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    private var closed = false

    var lines: [String] { lock.withLock { stored } }
    var isClosed: Bool { lock.withLock { closed } }

    func write(_ line: String) { lock.withLock { stored.append(line) } }
    func close() { lock.withLock { closed = true } }

    /// A runtime writing to a new sink at a fixed time (2025-11-25T01:22:32.123Z).
    static func runtime(levels: LogLevelTable = LogLevelTable(defaultLevel: .trace),
                        format: LogFormat = .json) -> (LoggingRuntime, LoggingTestSink) {
        let sink = LoggingTestSink()
        return (LoggingRuntime(levels: levels, format: format, sinks: [sink], now: { 1_764_033_752_123 }), sink)
    }
}

extension LoggingRuntime {
    /// A logger for `label` writing through this runtime.
    func logger(_ label: String) -> Logger {
        Logger(label: label) { self.handler(label: $0) }
    }
}
