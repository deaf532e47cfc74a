import MarketData
import Simulation
import Strategies
import Testing
import TradingAPI
import TradingCore
import TradingModel
@testable import TradingApp

@Suite("Serve: SessionTradingControl over a session on replayed bars")
struct ServeSessionControlTests {
    static let btc = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                minNotional: Fixed(5))

    struct Fixture {
        var session: TradingSession<SmaCross>
        var control: SessionTradingControl
    }

    static func fixture(bars count: Int, stopWhenFeedEnds: Bool) throws -> Fixture {
        var generator = try SyntheticBarGenerator(seed: 7, timeframe: .oneHour)
        let bars = generator.generate(count: count)
        let parameters = try SmaCross.parameterSpace.parse(["fast=5", "slow=20"], strategy: SmaCross.name)
        let clock = VirtualClock()
        let paper = try PaperExchange(instruments: [btc], timeframe: .oneHour, matching: MatchingConfig(),
                                      balances: [Balance(asset: "USDT", free: Fixed(10_000))], clock: clock)
        let session = TradingSession(
            strategy: try SmaCross(parameters: parameters), parameters: parameters,
            configuration: TradingSessionConfiguration(sessionId: "serve-test", symbols: [btc.symbol], timeframe: .oneHour,
                                                       sizing: PositionSizing("fraction:0.5")!, idPrefix: "st",
                                                       cancelOrdersOnStop: true, stopWhenFeedEnds: stopWhenFeedEnds),
            exchange: paper, marketData: ReplayMarketDataSource(series: [btc.symbol: bars]),
            journal: InMemoryOrderJournal(), clock: clock)
        let control = SessionTradingControl(
            entries: [.init(session: session, strategy: SmaCross.name, symbols: [btc.symbol], space: SmaCross.parameterSpace)],
            limits: ["max_drawdown": 0.2], configurationYAML: "trading:\n  mode: simulation\n",
            health: { [ComponentHealth(name: "store", status: .up, detail: "sqlite")] }, updateBuffer: 100_000,
            backtestRunner: DemoAccount.runBacktest)
        return Fixture(session: session, control: control)
    }

    static func waitForBars(_ session: TradingSession<SmaCross>, _ count: Int) async throws {
        for _ in 0..<1_000 where await session.snapshot().bars < count { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test("reads agree with the session after a replayed feed, and every fill reaches the update stream")
    func readsMirrorSession() async throws {
        let fixture = try Self.fixture(bars: 800, stopWhenFeedEnds: true)
        let updates = fixture.control.updates()
        let collector = Task { () -> (fills: Int, equity: Int) in
            var counts = (fills: 0, equity: 0)
            for await update in updates {
                if case .fill = update { counts.fills += 1 }
                if case .equity = update { counts.equity += 1 }
            }
            return counts
        }
        try await fixture.session.start()
        await fixture.control.connect()
        async let pumping: Void = fixture.control.pump()
        try await fixture.session.run()
        await pumping
        let snapshot = await fixture.session.snapshot()
        let control = fixture.control

        let portfolio = await control.portfolio()
        #expect(snapshot.trades.count > 5)
        #expect(portfolio.totalValue == snapshot.equity)
        #expect(portfolio.cash == snapshot.cash)
        #expect(portfolio.realizedPnl == snapshot.realizedPnl)
        #expect(portfolio.closedTrades == snapshot.trades.count)
        #expect(await control.trades(limit: 100_000).count == snapshot.fills)
        #expect(await control.orders(openOnly: false, limit: 100_000).count == snapshot.orders.count)
        #expect(await control.orders(openOnly: false, limit: 1).first == snapshot.orders.last)
        #expect(await control.equityCurve(limit: 1).first?.equity == snapshot.equity)
        #expect(await control.balances().first == Balance(asset: "USDT", free: snapshot.cash))
        let strategies = await control.strategies()
        #expect(strategies.map(\.id) == ["serve-test"])
        #expect(strategies.first?.parameters["fast"] == 5)
        #expect(strategies.first?.parameters["slow"] == 20)
        #expect(strategies.first?.parameterRanges["fast"] == ParameterRange(min: 2, max: 200))
        let health = await control.health()
        #expect(health.map(\.name) == ["kernel", "exchange_feed", "store"])
        #expect(health.first?.status == .down)  // the session ended with its feed
        let counts = await collector.value
        #expect(counts.fills == snapshot.fills)
        #expect(counts.equity == 800)
    }

    @Test("an operator order goes through the session; it can be canceled; unknown symbols and ids are refused")
    func placeAndCancel() async throws {
        let fixture = try Self.fixture(bars: 40, stopWhenFeedEnds: false)
        let control = fixture.control
        try await fixture.session.start()
        await control.connect()
        async let pumping: Void = control.pump()
        async let running: Void = fixture.session.run()
        try await Self.waitForBars(fixture.session, 40)
        #expect(await control.health().first?.status == .up)

        let request = OrderRequest(clientOrderId: "", symbol: "BTC/USDT", side: .buy, type: .limit,
                                   quantity: Fixed("0.01")!, limitPrice: Fixed(1_000))
        let placed = try await control.placeOrder(request)
        #expect(placed.request.tag == "manual")
        #expect(placed.request.limitPrice == Fixed(1_000))
        for _ in 0..<3_000 where await control.orders(openOnly: true, limit: 10).isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await control.orders(openOnly: true, limit: 10).map(\.request.clientOrderId) == [placed.request.clientOrderId])
        _ = try await control.cancelOrder(clientOrderId: placed.request.clientOrderId)
        for _ in 0..<3_000 where await !control.orders(openOnly: true, limit: 10).isEmpty {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(await control.orders(openOnly: true, limit: 10).isEmpty)

        var other = request
        other.symbol = "DOGE/USDT"
        await #expect(throws: ControlError(.invalid, code: "unknown_symbol",
                                           "symbol 'DOGE/USDT' is not traded; expected one of [\"BTC/USDT\"]")) {
            try await control.placeOrder(other)
        }
        await #expect(throws: ControlError(.notFound, code: "order_not_found", "no order with client order id 'nope'")) {
            try await control.cancelOrder(clientOrderId: "nope")
        }
        await fixture.session.stop()
        try await running
        await pumping
    }

    @Test("the kill switch halts the session and refuses orders until resumed; resume without halt is a conflict")
    func killSwitch() async throws {
        let fixture = try Self.fixture(bars: 30, stopWhenFeedEnds: false)
        let control = fixture.control
        try await fixture.session.start()
        async let running: Void = fixture.session.run()
        try await Self.waitForBars(fixture.session, 30)

        let halted = await control.halt(reason: "test")
        #expect(halted.state == .halted)
        #expect(halted.reason == "test")
        #expect(halted.limits == ["max_drawdown": 0.2])
        let request = OrderRequest(clientOrderId: "", symbol: "BTC/USDT", side: .buy, type: .market, quantity: Fixed("0.01")!)
        await #expect(throws: ControlError(.conflict, code: "halted", "session serve-test is halted by the operator: test")) {
            try await control.placeOrder(request)
        }
        #expect(try await control.resume(reason: "ok").state == .active)
        await #expect(throws: ControlError(.conflict, code: "not_halted",
                                           "trading is ACTIVE, not HALTED; nothing to resume")) {
            try await control.resume(reason: "again")
        }
        await fixture.session.stop()
        try await running
    }

    @Test("strategies stop and start; parameter updates are range-checked and reach the session")
    func strategyControl() async throws {
        let fixture = try Self.fixture(bars: 30, stopWhenFeedEnds: false)
        let control = fixture.control
        #expect(try await control.stopStrategy(id: "serve-test").state == .stopped)
        #expect(await fixture.session.snapshot().strategyRunning == false)
        #expect(try await control.startStrategy(id: "serve-test").state == .running)
        let updated = try await control.updateStrategyParameters(id: "serve-test", parameters: ["fast": 7])
        #expect(updated.parameters["fast"] == 7)
        #expect(await fixture.session.snapshot().parameters.int("fast") == 7)
        await #expect(throws: ControlError(.invalid, code: "parameter_out_of_range",
                                           "serve-test.fast must be between 2.0 and 200.0, got 1000.0")) {
            try await control.updateStrategyParameters(id: "serve-test", parameters: ["fast": 1_000])
        }
        await #expect(throws: ControlError(.invalid, code: "unknown_parameter",
                                           "strategy 'serve-test' has no numeric parameter 'nope'; expected one of [\"fast\", \"slow\"]")) {
            try await control.updateStrategyParameters(id: "serve-test", parameters: ["nope": 1])
        }
        await #expect(throws: ControlError(.notFound, code: "strategy_not_found",
                                           "no strategy with id 'x'; expected one of [\"serve-test\"]")) {
            try await control.stopStrategy(id: "x")
        }
    }

    @Test("a submitted backtest runs in the background and reports its metrics")
    func backtest() async throws {
        let control = try Self.fixture(bars: 10, stopWhenFeedEnds: true).control
        let job = try await control.submitBacktest(BacktestRequest(strategy: "sma_cross", symbol: "BTC/USDT", bars: 300))
        #expect(job.status == .queued)
        await control.waitForBacktests()
        let done = try await control.backtest(id: job.id)
        #expect(done.status == .completed)
        #expect(done.metrics?["bars"] == 300)
    }
}
