import ServiceLifecycle

/// A live venue's background work (Binance's user data stream, Kraken's `executions` WebSocket) as a service
/// of `graphwiz serve`: it runs for the session's lifetime and is canceled on graceful shutdown. It is listed
/// before its session, so it stops after it (the group stops services in reverse order) and the session's
/// cancel confirmations still arrive while it stops.
struct VenueStreamService: Service {
    /// The venue's work; returns when canceled.
    let work: @Sendable () async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown { await work() }
    }
}
