import ArgumentParser
import Exchanges
import Foundation
import Logging
import Testing
import TradingCore
import TradingModel
import VenueFakes
@testable import TradingApp

/// `trade`'s venue wiring against a fake Binance on 127.0.0.1: paper mode reads the fake's live feed and fills
/// in a PaperExchange, live mode sends the orders to the fake; the promotion gate scales or refuses live sizing.
@Suite("trade venues")
struct TradeVenueProviderTests {
    static let key = "trade-test-key"
    static let secret = "trade-test-secret"

    /// Runs a `dca interval=1` session (one buy per closed bar) over `mode` until the fake has pushed enough
    /// bars for `done`, then stops it; returns the session's snapshot.
    private func runDca(mode: VenueMode, server: FakeBinanceServer,
                        done: @escaping @Sendable (SessionSnapshot) async -> Bool) async throws -> SessionSnapshot {
        let provider = ExchangeVenueProvider(simulated: SimulatedVenueProvider(cash: Fixed(10_000))) { venue in
            ExchangeSettings(venue: venue, apiKey: Self.key, apiSecret: Self.secret, restBaseURL: server.baseURL)
        }
        let connection = try await provider.connect(venue: "binance", mode: mode, symbols: ["BTC/USDT"], timeframe: .oneMinute)
        let configuration = TradingSessionConfiguration(sessionId: "venue-test-\(mode.rawValue)", symbols: ["BTC/USDT"],
                                                        timeframe: .oneMinute, idPrefix: "vt\(mode.rawValue)")
        let session = try TradeSessionFactory.make(strategy: "dca", assignments: ["interval=1"], configuration: configuration,
                                                   connection: connection, journal: InMemoryOrderJournal(),
                                                   logger: Logger(label: "test"))
        _ = try await session.start()
        let streams = connection.background.map { work in Task { await work() } }
        let runner = Task { try await session.run() }
        let minute: Int64 = 60_000
        let t0 = (WallClock().now() / minute - 30) * minute
        var i: Int64 = 0
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline, !(await done(await session.snapshot())) {
            let bar = Bar(time: t0 + i * minute, open: 40_000, high: 40_010, low: 39_990, close: 40_000, volume: 1)
            await server.state.pushKline("BTCUSDT", interval: "1m", bar: bar, closed: true)
            if i < 25 { i += 1 }
            try await Task.sleep(for: .milliseconds(200))
        }
        let snapshot = await session.snapshot()
        await session.stop()
        _ = try? await runner.value
        streams?.cancel()
        return snapshot
    }

    private func withBinance(_ body: (FakeBinanceServer) async throws -> Void) async throws {
        let server = try await FakeBinanceServer.start(apiKey: Self.key, apiSecret: Self.secret)
        await server.state.setPrice("BTCUSDT", Fixed(40_000))
        await server.state.setBalance("USDT", Fixed(10_000))
        do { try await body(server) } catch { await server.stop(); throw error }
        await server.stop()
    }

    @Test("paper mode trades the fake's live feed in a PaperExchange and sends nothing to the venue")
    func paperFillsLocally() async throws {
        try await withBinance { server in
            let snapshot = try await runDca(mode: .paper, server: server) { $0.fills >= 2 }
            #expect(snapshot.venue == "paper-binance")
            #expect(snapshot.fills >= 2)
            #expect(snapshot.orders.allSatisfy { $0.request.symbol == "BTC/USDT" && $0.request.side == .buy })
            #expect(await server.state.allOrders().isEmpty)
            #expect(await server.state.requestLog.contains("POST /api/v3/order") == false)
        }
    }

    @Test("live mode sends the strategy's orders to the venue")
    func liveOrdersReachTheVenue() async throws {
        try await withBinance { server in
            let snapshot = try await runDca(mode: .live, server: server) { $0.fills >= 2 }
            let orders = await server.state.allOrders()
            #expect(snapshot.venue == "binance")
            #expect(snapshot.fills >= 2)
            #expect(orders.count >= 2)
            #expect(orders.allSatisfy { $0.clientOrderId.hasPrefix("vtlive") && $0.side == .buy })
            #expect(Set(snapshot.orders.map(\.request.clientOrderId)).isSubset(of: Set(orders.map(\.clientOrderId))))
        }
    }

    @Test("paper mode refuses a symbol the venue does not list")
    func paperNeedsAListedSymbol() async throws {
        try await withBinance { server in
            let provider = ExchangeVenueProvider { venue in ExchangeSettings(venue: venue, restBaseURL: server.baseURL) }
            await #expect {
                _ = try await provider.connect(venue: "binance", mode: .paper, symbols: ["DOGE/USDT"], timeframe: .oneMinute)
            } throws: { error in
                "\(error)" == "binance lists no market DOGE/USDT; see `graphwiz exchange markets --exchange binance`"
            }
        }
    }

    @Test("the promotion gate refuses a strategy still on paper, naming the reason")
    func gateRefusesPaperStrategies() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let gate = TradePromotionGate(skip: false, databasePath: dir.path("g.sqlite"), config: nil, environment: [:])
        #expect {
            _ = try gate.sizing(strategy: "dca", .fraction(0.5)) { _ in }
        } throws: { error in
            (error as? ValidationError)?.message == "promotion gate refused live trading: dca is on paper (step 0): no paper "
                + "record has met the promotion criteria yet; run `graphwiz risk promotion evaluate --strategy dca`; nothing "
                + "was sent (--skip-promotion-gate bypasses it on testnets)"
        }
    }

    @Test("the promotion gate scales the session's sizing by the allowed capital fraction")
    func gateScalesSizing() throws {
        let dir = try DataTestDirectory()
        defer { dir.remove() }
        let path = dir.path("g.sqlite")
        try PromotionStore(databasePath: path).save(PromotionState(strategy: "dca", step: 2))
        let gate = TradePromotionGate(skip: false, databasePath: path, config: nil, environment: [:])
        var announced: [String] = []
        #expect(try gate.sizing(strategy: "dca", .fraction(0.5)) { announced.append($0) } == .fraction(0.125))
        #expect(try gate.sizing(strategy: "dca", .allIn) { _ in } == .fraction(0.25))
        #expect(try gate.sizing(strategy: "dca", .fixed(Fixed(2))) { _ in } == .fixed(Fixed("0.5")!))
        #expect(announced == ["promotion gate: dca may commit 0.25 of its capital; sizing fraction:0.5 becomes fraction:0.125"])
    }

    @Test("--skip-promotion-gate keeps full size and says so loudly")
    func gateSkipWarns() throws {
        let gate = TradePromotionGate(skip: true, databasePath: "/nonexistent/g.sqlite", config: nil, environment: [:])
        var announced: [String] = []
        #expect(try gate.sizing(strategy: "dca", .fraction(0.5)) { announced.append($0) } == .fraction(0.5))
        #expect(announced.count == 1)
        #expect(announced.first?.hasPrefix("WARNING: --skip-promotion-gate: dca trades live at FULL size") == true)
    }
}
