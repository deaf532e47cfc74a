import Foundation
import Synchronization

/// Hands out strictly increasing nonces for one API key, persisting the high-water mark so a restarted
/// process (even with a clock that went backwards) never reuses one.
///
/// A nonce is `max(now in microseconds, last + 1)`. The high-water mark is written (atomically, via a
/// temporary file and rename) before the nonce is returned; without a file the source is in-memory only.
public final class KrakenNonceSource: Sendable {
    private let state: Mutex<UInt64>
    private let fileURL: URL?
    private let nowMicros: @Sendable () -> UInt64

    /// Creates a source.
    /// - Parameters:
    ///   - file: where the high-water mark is kept; nil keeps it in memory only.
    ///   - nowMicros: the clock, in microseconds since 1970 (tests pass a fixed or backwards clock).
    /// - Throws: ``KrakenConfigurationError/nonceFile(path:reason:)`` when the file exists but is unreadable
    ///   or does not hold an unsigned integer.
    public init(file: URL? = nil,
                nowMicros: @escaping @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970 * 1_000_000) })
        throws(KrakenConfigurationError) {
        self.fileURL = file
        self.nowMicros = nowMicros
        var start: UInt64 = 0
        if let file, FileManager.default.fileExists(atPath: file.path) {
            let text: String
            do { text = try String(contentsOf: file, encoding: .utf8) } catch {
                throw .nonceFile(path: file.path, reason: "cannot be read (\(error.localizedDescription))")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let value = UInt64(trimmed) else {
                throw .nonceFile(path: file.path, reason: "holds '\(trimmed.prefix(40))', not an unsigned integer")
            }
            start = value
        }
        state = Mutex(start)
    }

    /// The highest nonce handed out so far (0 before the first).
    public var highWaterMark: UInt64 { state.withLock { $0 } }

    /// The next nonce; strictly greater than every earlier one, across restarts when a file is used.
    /// - Throws: ``KrakenConfigurationError/nonceFile(path:reason:)`` when the mark cannot be persisted.
    public func next() throws(KrakenConfigurationError) -> UInt64 {
        let fileURL = self.fileURL
        let now = nowMicros()
        let result: Result<UInt64, KrakenConfigurationError> = state.withLock { last in
            let nonce = max(now, last + 1)
            if let fileURL {
                do {
                    try Data(String(nonce).utf8).write(to: fileURL, options: .atomic)
                } catch {
                    return .failure(.nonceFile(path: fileURL.path, reason: "cannot be written (\(error.localizedDescription))"))
                }
            }
            last = nonce
            return .success(nonce)
        }
        return try result.get()
    }
}
