import Foundation

/// A one-line progress bar on standard error, shown only when standard error is a terminal.
public final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let started = Date()
    private var lastDraw = Date.distantPast

    /// Returns nil when standard error is not a terminal (pipes, files, CI).
    public init?(label: String, force: Bool = false) {
        guard force || isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    /// Redraws at most ten times a second.
    public func update(done: Int, total: Int) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        draw(done: done, total: total)
    }

    /// Draws 100% and ends the line.
    public func finish(total: Int) {
        draw(done: total, total: total)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(done: Int, total: Int) {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = Date().timeIntervalSince(started)
        let eta = fraction > 0 ? elapsed / fraction - elapsed : 0
        let line = String(format: "\r%@ %@ %5.1f%% %d/%d bars  eta %.1fs", label, bar, fraction * 100, done, total, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
