import Synchronization

/// Fans ``ControlUpdate``s out to any number of `AsyncStream` subscribers. Subscribing is synchronous, so no
/// update published after ``subscribe()`` returns is missed. Each subscriber buffers the newest `buffer` updates.
public final class UpdateBroadcaster: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<ControlUpdate>.Continuation] = [:]
        var nextId = 0
    }

    private let state = Mutex(State())
    private let buffer: Int

    /// A broadcaster whose subscribers each keep at most `buffer` undelivered updates (oldest dropped first).
    public init(buffer: Int = 256) { self.buffer = buffer }

    /// A new subscription; it ends when the reader stops iterating or ``finish()`` is called.
    public func subscribe() -> AsyncStream<ControlUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: ControlUpdate.self,
                                                           bufferingPolicy: .bufferingNewest(buffer))
        let id = state.withLock { state in
            let id = state.nextId
            state.nextId += 1
            state.subscribers[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Delivers `update` to every current subscriber.
    public func publish(_ update: ControlUpdate) {
        let targets = state.withLock { Array($0.subscribers.values) }
        for continuation in targets { continuation.yield(update) }
    }

    /// Subscribers currently attached.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every subscription.
    public func finish() {
        let targets = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
