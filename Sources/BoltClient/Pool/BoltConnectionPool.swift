import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A bounded pool of Bolt connections to one server, with managed transactions that retry
/// transient failures.
///
/// State is guarded by a lock; waiting callers are parked on continuations and woken when a
/// connection is released, so no event loop is ever blocked.
public final class BoltConnectionPool: Sendable {
    /// How each connection is opened.
    public let configuration: BoltConfiguration
    /// Limits and retry policy.
    public let poolConfiguration: BoltPoolConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let state = NIOLockedValueBox(PoolState())

    /// What a waiting caller receives.
    enum Lease: Sendable {
        case connection(BoltConnection)
        case createNew
    }

    struct PoolState: Sendable {
        var idle: [BoltConnection] = []
        /// Open connections plus connections being opened.
        var total = 0
        var waiters: [UInt64: CheckedContinuation<Lease, any Error>] = [:]
        var waitOrder = CircularBuffer<UInt64>()
        var nextWaiterID: UInt64 = 0
        var closed = false
        var bookmarks: [String] = []

        mutating func popWaiter() -> CheckedContinuation<Lease, any Error>? {
            while let id = waitOrder.popFirst() {
                if let waiter = waiters.removeValue(forKey: id) { return waiter }
            }
            return nil
        }
    }

    /// Creates a pool; connections are opened lazily.
    public init(configuration: BoltConfiguration, poolConfiguration: BoltPoolConfiguration = BoltPoolConfiguration(),
                eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.poolConfiguration = poolConfiguration
        self.eventLoopGroup = eventLoopGroup
    }

    /// Counts for monitoring: open (idle + leased + opening) and idle connections, parked waiters.
    public var statistics: (open: Int, idle: Int, waiting: Int) {
        state.withLockedValue { ($0.total, $0.idle.count, $0.waiters.count) }
    }

    /// Leases a connection for the duration of `body`, then returns it to the pool (or closes it when
    /// it broke, expired or still holds an open transaction).
    /// - Throws: ``BoltError/acquireTimeout(seconds:)`` when none became free in time,
    ///   ``BoltError/poolClosed`` after ``close()``, and whatever `body` throws.
    public func withConnection<T: Sendable>(_ body: (BoltConnection) async throws -> T) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            await release(connection)
            return value
        } catch {
            await release(connection)
            throw error
        }
    }

    /// Closes idle connections and refuses further leases; leased connections close when released.
    public func close() async {
        let (idle, waiters) = state.withLockedValue { state in
            state.closed = true
            let idle = state.idle
            state.total -= idle.count
            state.idle = []
            var waiters: [CheckedContinuation<Lease, any Error>] = []
            while let waiter = state.popWaiter() { waiters.append(waiter) }
            return (idle, waiters)
        }
        for waiter in waiters { waiter.resume(throwing: BoltError.poolClosed) }
        for connection in idle { await connection.close() }
    }

    /// Bookmarks new managed transactions start from.
    func bookmarksSnapshot() -> [String] {
        state.withLockedValue { $0.bookmarks }
    }

    /// Remembers the bookmark of the latest committed managed transaction.
    func recordBookmark(_ bookmark: String) {
        state.withLockedValue { $0.bookmarks = [bookmark] }
    }

    // MARK: - Leasing

    func acquire() async throws -> BoltConnection {
        enum Decision { case use(BoltConnection), create, wait }
        while true {
            var expired: [BoltConnection] = []
            let decision = try state.withLockedValue { state -> Decision in
                guard !state.closed else { throw BoltError.poolClosed }
                while let connection = state.idle.popLast() {
                    if isReusable(connection) { return .use(connection) }
                    state.total -= 1
                    expired.append(connection)
                }
                if state.total < poolConfiguration.maxConnections {
                    state.total += 1
                    return .create
                }
                return .wait
            }
            for connection in expired { await connection.close() }
            switch decision {
            case .use(let connection):
                return connection
            case .create:
                return try await openConnection()
            case .wait:
                switch try await waitForLease() {
                case .connection(let connection):
                    if isReusable(connection) { return connection }
                    state.withLockedValue { $0.total -= 1 }
                    await connection.close()
                case .createNew:
                    return try await openConnection()
                }
            }
        }
    }

    func release(_ connection: BoltConnection) async {
        let healthy = isReusable(connection)
            && connection.session.withLockedValue { !$0.transactionOpen }
        let toClose = state.withLockedValue { state -> BoltConnection? in
            if healthy, !state.closed {
                if let waiter = state.popWaiter() {
                    waiter.resume(returning: .connection(connection))
                } else {
                    state.idle.append(connection)
                }
                return nil
            }
            state.total -= 1
            if !state.closed, let waiter = state.popWaiter() {
                state.total += 1
                waiter.resume(returning: .createNew)
            }
            return connection
        }
        if let toClose { await toClose.close() }
    }

    private func isReusable(_ connection: BoltConnection) -> Bool {
        connection.isOpen && NIODeadline.now() - connection.openedAt < poolConfiguration.maxLifetime
    }

    /// Opens a connection for a slot already counted in `total`; gives the slot back on failure.
    private func openConnection() async throws -> BoltConnection {
        do {
            return try await BoltConnection.connect(configuration: configuration, eventLoopGroup: eventLoopGroup)
        } catch {
            state.withLockedValue { state in
                state.total -= 1
                if !state.closed, let waiter = state.popWaiter() {
                    state.total += 1
                    waiter.resume(returning: .createNew)
                }
            }
            throw error
        }
    }

    private func waitForLease() async throws -> Lease {
        let id = state.withLockedValue { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let timeout = poolConfiguration.acquireTimeout
        let eventLoop = eventLoopGroup.next()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Lease, any Error>) in
                let closed = state.withLockedValue { state -> Bool in
                    guard !state.closed else { return true }
                    state.waiters[id] = continuation
                    state.waitOrder.append(id)
                    return false
                }
                if closed {
                    continuation.resume(throwing: BoltError.poolClosed)
                    return
                }
                eventLoop.scheduleTask(in: timeout) { [state] in
                    state.withLockedValue { $0.waiters.removeValue(forKey: id) }?
                        .resume(throwing: BoltError.acquireTimeout(seconds: Double(timeout.nanoseconds) / 1e9))
                }
                if Task.isCancelled {
                    state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
                }
            }
        } onCancel: { [state] in
            state.withLockedValue { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }
}
