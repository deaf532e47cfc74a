import ServiceLifecycle

/// Forwards the sessions' updates to the API's subscribers. Placed before the sessions in the group, so it is
/// shut down after them and forwards their last fills; it returns once every session has ended and its own
/// shutdown has come (a service returning earlier would end the group).
struct UpdatePumpService: Service {
    let control: SessionTradingControl

    func run() async throws {
        await control.pump()
        try? await gracefulShutdown()
    }
}

/// Ends every WebSocket subscription when shutdown begins, so open dashboards do not hold the HTTP server's
/// graceful shutdown. Placed after the API server in the group, so it hears of shutdown first.
struct StreamCloserService: Service {
    let control: SessionTradingControl

    func run() async throws {
        try? await gracefulShutdown()
        control.closeStreams()
    }
}
