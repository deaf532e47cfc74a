/// Where formatted log lines go. Implementations are thread-safe and write each line whole.
public protocol LogSink: AnyObject, Sendable {
    /// Writes `line` followed by a newline.
    func write(_ line: String)
    /// Releases the destination (closes a file); later writes are dropped.
    func close()
}
