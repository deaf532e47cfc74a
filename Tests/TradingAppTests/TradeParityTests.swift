import Backtest
import MarketData
import Simulation
import Strategies
import Testing
import TradingCore
import TradingModel

@Suite("Trade parity: backtest runner vs session + paper exchange")
struct TradeParityTests {
    static let instrument = Instrument(symbol: "BTC/USDT", tickSize: Fixed("0.01")!, lotSize: Fixed("0.00001")!,
                                       minNotional: Fixed(5))

    /// Stop-loss, take-profit and trailing stop held at the venue, plus a time stop.
    static let exits = ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.04),
                                            trailingStop: .percent(0.03), timeStop: .bars(48))

    @Test("the same recorded feed gives identical fills, orders and trades through both paths",
          arguments: [("fraction:0.5", false), ("all-in", false), ("fraction:0.5", true)])
    func identicalFills(sizingText: String, withExits: Bool) async throws {
        let timeframe = Timeframe.oneHour
        var generator = try SyntheticBarGenerator(seed: 7, timeframe: timeframe)
        let bars = generator.generate(count: 800)
        let parameters = try SmaCross.parameterSpace.parse(["fast=5", "slow=20"], strategy: SmaCross.name)
        let sizing = try #require(PositionSizing(sizingText))
        let matching = MatchingConfig()
        let configuration = BacktestConfiguration(
            strategy: SmaCross.name, parameters: parameters, instruments: [Self.instrument], timeframe: timeframe,
            data: [], initialCash: Fixed(10_000), matching: matching, sizing: sizing,
            protectiveExits: withExits ? Self.exits : nil)
        let backtest = try BacktestRunner.run(SmaCross.self, configuration: configuration,
                                              series: [InstrumentSeries(instrument: Self.instrument, bars: bars)],
                                              runId: "par")

        let clock = VirtualClock()
        let paper = try PaperExchange(instruments: [Self.instrument], timeframe: timeframe, matching: matching,
                                      balances: [Balance(asset: "USDT", free: Fixed(10_000))], clock: clock)
        let session = TradingSession(
            strategy: try SmaCross(parameters: parameters), parameters: parameters,
            configuration: TradingSessionConfiguration(sessionId: "parity", symbols: ["BTC/USDT"], timeframe: timeframe,
                                                       sizing: sizing, idPrefix: "par", cancelOrdersOnStop: false,
                                                       stopWhenFeedEnds: true, exits: withExits ? Self.exits : nil),
            exchange: paper, marketData: ReplayMarketDataSource(series: ["BTC/USDT": bars]),
            journal: InMemoryOrderJournal(), clock: clock)
        try await session.start()
        try await session.run()
        let snapshot = await session.snapshot()

        #expect(backtest.trades.count > 5)
        if withExits {
            // The exits really fired (both paths), so the comparison below covers them.
            #expect(backtest.orders.contains { $0.request.tag.hasPrefix("exit:") })
        }
        #expect(snapshot.trades == backtest.trades)
        struct Executed: Hashable { var id: String; var quantity: Quantity; var notional: Money; var fees: Money }
        func executed(_ orders: [Order]) -> [Executed] {
            orders.filter { !$0.filledQuantity.isZero }.map {
                Executed(id: $0.request.clientOrderId, quantity: $0.filledQuantity, notional: $0.filledNotional, fees: $0.fees)
            }
        }
        #expect(executed(snapshot.orders) == executed(backtest.orders))
        #expect(snapshot.orders.map(\.request) == backtest.orders.map(\.request))
        #expect(snapshot.equity.doubleValue == backtest.equity.last!.value)
    }
}
