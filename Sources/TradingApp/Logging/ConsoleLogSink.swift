import Foundation

/// Writes log lines to standard output or standard error, one whole line per write.
public final class ConsoleLogSink: LogSink, @unchecked Sendable {
    /// The two console streams.
    public enum Stream: Sendable {
        /// Standard output (the service: systemd and Docker collect it).
        case standardOutput
        /// Standard error (one-shot commands, whose standard output is their result).
        case standardError
    }

    /// The stream written to.
    public let stream: Stream
    private let handle: FileHandle
    private let lock = NSLock()

    /// A sink writing to `stream`.
    public init(_ stream: Stream) {
        self.stream = stream
        handle = stream == .standardOutput ? FileHandle.standardOutput : FileHandle.standardError
    }

    /// Writes `line` and a newline in one call.
    public func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock { try? handle.write(contentsOf: data) }
    }

    /// Nothing to release: the console stays open.
    public func close() {}
}
