import Logging
import Persistence
import ServiceLifecycle
import Synchronization
import TradingCore

/// What the extra services (HTTP API, metrics) get to build themselves from.
public struct ServeContext: Sendable {
    /// The running sessions, for snapshots, commands and the update stream.
    public var sessions: [any TradingSessionControl]
    /// The open store.
    public var store: SQLStore
    /// The service's logger.
    public var logger: Logger
}

/// The slot where the API and metrics servers plug into `graphwiz serve`: register a builder once at start-up;
/// its services run after the sessions (and shut down before them).
public enum ServeHooks {
    /// A builder of extra services.
    public typealias Builder = @Sendable (ServeContext) async throws -> [any Service]

    private static let builders = Mutex<[Builder]>([])

    /// Adds a builder.
    public static func register(_ builder: @escaping Builder) {
        builders.withLock { $0.append(builder) }
    }

    /// The registered builders, in registration order.
    static var registered: [Builder] { builders.withLock { $0 } }
}
