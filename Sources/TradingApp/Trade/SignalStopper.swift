import Dispatch
import Foundation

/// Turns SIGINT/SIGTERM into a graceful stop: the first signal calls `stop`; the default action is restored
/// by ``cancel()``.
final class SignalStopper: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]
    private let signals: [Int32]

    init(signals: [Int32], stop: @escaping @Sendable () async -> Void) {
        self.signals = signals
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await stop() } }
            source.resume()
            return source
        }
    }

    /// Stops listening and restores the default signal actions.
    func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
