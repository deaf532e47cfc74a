extension FakeKrakenLimits {
    /// Limits no test trips by accident (10,000 calls, decaying 100 per second): for tests about something else.
    public static let generous = FakeKrakenLimits(callCounterMax: 10_000, callDecayPerSecond: 100,
                                                  tradingCounterMax: 10_000, tradingDecayPerSecond: 100)
}

extension FakeKrakenServer {
    /// Starts a fake Kraken on 127.0.0.1 (a free port), runs `body` with it, and stops it whatever `body` does.
    public static func run<T: Sendable>(limits: FakeKrakenLimits = .generous, heartbeatInterval: Double = 0.5,
                                        _ body: (FakeKrakenServer) async throws -> T) async throws -> T {
        let server = FakeKrakenServer(limits: limits, heartbeatInterval: heartbeatInterval)
        try await server.start()
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

extension FakeBinanceServer {
    /// Starts a fake Binance on 127.0.0.1 (a free port) with these keys, runs `body` with it, and stops it
    /// whatever `body` does.
    public static func run<T: Sendable>(apiKey: String, apiSecret: String,
                                        _ body: (FakeBinanceServer) async throws -> T) async throws -> T {
        let server = try await start(apiKey: apiKey, apiSecret: apiSecret)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
