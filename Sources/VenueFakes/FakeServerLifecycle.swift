import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// Runs a fake server's Hummingbird application (a venue, a webhook receiver) in the background and stops it the way a
/// service stops.
///
/// Stopping by cancelling the server's task is not enough: Hummingbird then closes each connection's input
/// and waits for the client to close it, and a pooled keep-alive connection of AsyncHTTPClient's shared
/// client stays idle for minutes, so the stop would wait that long. A graceful shutdown quiesces instead:
/// the listener closes and idle keep-alive connections are closed by the server. The stop is bounded all the
/// same: after `timeout` the server task is cancelled and abandoned, so a client that keeps a WebSocket open
/// cannot hold a test forever.
public final class FakeServerLifecycle: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, Never>
    private let finished = Flag()

    /// Starts `application` in a service group of its own (no signal handling); `onFinished` runs once it
    /// stopped, also when it could not start (the port was taken).
    public init(_ application: some ApplicationProtocol, logger: Logger, onFinished: @escaping @Sendable () -> Void = {}) {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: logger))
        self.group = group
        let finished = self.finished
        task = Task {
            _ = try? await group.run()
            finished.set()
            onFinished()
        }
    }

    /// True once the server stopped.
    public var isFinished: Bool { finished.isSet }

    /// Shuts down gracefully, calling `disconnect` every 50 ms while waiting (to close WebSockets a client opened
    /// meanwhile); after `timeout` the server task is cancelled and, if it still does not end within a second,
    /// left behind.
    public func stop(timeout: Duration = .seconds(10), disconnect: @Sendable () async -> Void = {}) async {
        await group.triggerGracefulShutdown()
        let deadline = ContinuousClock.now + timeout
        while !isFinished && ContinuousClock.now < deadline && !Task.isCancelled {
            await disconnect()
            try? await Task.sleep(for: .milliseconds(50))
        }
        guard !isFinished else { return }
        task.cancel()
        let abandon = ContinuousClock.now + .seconds(1)
        while !isFinished && ContinuousClock.now < abandon && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// A flag set once, readable from any thread.
private final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
