import Exchanges
import Foundation
import TradingCore
import TradingModel
import VenueFakes

/// Starts a fake Kraken on 127.0.0.1:0, runs `body`, and always stops it.
func withFakeKraken<T: Sendable>(limits: FakeKrakenLimits = .generous, heartbeatInterval: Double = 0.5,
                                 _ body: (FakeKrakenServer) async throws -> T) async throws -> T {
    try await FakeKrakenServer.run(limits: limits, heartbeatInterval: heartbeatInterval, body)
}

/// A configuration pointing at `server`, with fast reconnects and generous limits unless told otherwise.
func krakenConfiguration(_ server: FakeKrakenServer, tier: KrakenRateTier = KrakenRateTier(callCounterMax: 10_000, callDecayPerSecond: 100,
                                                                                          tradingCounterMax: 10_000, tradingDecayPerSecond: 100),
                         requestTimeout: Double = 5, nonceFile: URL? = nil) -> KrakenConfiguration {
    KrakenConfiguration(restBaseURL: server.restBaseURL, webSocketURL: server.webSocketURL, webSocketAuthURL: server.webSocketURL,
                        credentials: try! KrakenCredentials(apiKey: server.apiKey, apiSecret: server.apiSecret), tier: tier,
                        publicCallsPerSecond: 1000, publicBurst: 1000, requestTimeout: requestTimeout, nonceFile: nonceFile,
                        pingInterval: 0.5, staleAfter: 3, reconnectInitialDelay: 0.3, reconnectMaxDelay: 1)
}

/// A temporary file path (the file does not exist yet).
func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-kraken-\(UUID().uuidString)-\(name)")
}

/// Records every event of a stream in the background.
final class KrakenEventRecorder: Sendable {
    private let box: EventBox
    private let task: Task<Void, Never>

    init(_ events: AsyncStream<ExecutionEvent>) {
        let box = EventBox()
        self.box = box
        task = Task { for await e in events { await box.append(e) } }
    }

    deinit { task.cancel() }

    var events: [ExecutionEvent] { get async { await box.events } }

    /// Waits up to `seconds` until at least `count` events arrived; returns them all.
    func wait(for count: Int, seconds: Double = 20) async -> [ExecutionEvent] {
        _ = await eventually(seconds) { await box.events.count >= count }
        return await box.events
    }

    private actor EventBox {
        var events: [ExecutionEvent] = []
        func append(_ e: ExecutionEvent) { events.append(e) }
    }
}

/// Polls `condition` every 20 ms for up to `seconds`.
func eventually(_ seconds: Double = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Unix ms of the start of the current minute, minus `minutes`.
func minuteStart(minutesAgo: Int64) -> Int64 {
    let now = Int64(Date().timeIntervalSince1970 * 1000)
    return (now - now % 60_000) - minutesAgo * 60_000
}

func trade(_ id: Int64 = 0, price: String, volume: String, atMillis t: Int64, side: OrderSide = .buy) -> FakeKrakenPublicTrade {
    FakeKrakenPublicTrade(id: id, price: Fixed(price)!, volume: Fixed(volume)!, timeNanos: t * 1_000_000, side: side)
}
