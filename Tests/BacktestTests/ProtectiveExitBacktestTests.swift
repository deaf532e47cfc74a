import Backtest
import Foundation
import MarketData
import Simulation
import Testing
import TradingCore
import TradingModel

/// Goes long at every bar where it is flat (test strategy: re-enters after every exit).
struct AlwaysLong: Strategy {
    static let name = "always_long"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([])
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        if context.portfolio.quantity(instrument).isZero && context.workingOrders[instrument].isEmpty {
            context.target(instrument, .long, tag: "in")
        }
    }
}

/// Protective exits through the kernel and the simulated exchange: the long entry fills at bar 1's open (100).
@Suite struct ProtectiveExitBacktestTests {
    private func run(_ ohlc: [(Double, Double, Double, Double)], exits: ProtectiveExitPolicy, emulate: Bool = false,
                     risk: RiskLimits? = nil) throws -> BacktestResult {
        var configuration = Fixture.configuration(BuyThenSell.self, parameters: ["buy_at": .int(0), "sell_at": .int(1_000)])
        configuration.protectiveExits = exits
        configuration.emulateExits = emulate ? true : nil
        configuration.risk = risk
        return try BacktestRunner.run(BuyThenSell.self, configuration: configuration,
                                      series: [InstrumentSeries(instrument: Fixture.instrument, bars: Fixture.bars(ohlc))])
    }

    private let flat = (100.0, 100.0, 100.0, 100.0)

    @Test(arguments: [
        ((95.0, 96.0, 94.0, 95.0), "95"),    // gap through the stop: fills at the open
        ((99.0, 99.5, 97.0, 99.0), "98"),    // touched inside the bar: fills at the stop
    ])
    func stopLossFillsWithTheMatchingEngineRules(bar: (Double, Double, Double, Double), price: String) throws {
        let result = try run([flat, (100, 101, 99, 100), bar, flat], exits: ProtectiveExitPolicy(stopLoss: .percent(0.02)))
        #expect(result.protectiveExits.map(\.reason) == [.stopLoss])
        #expect(result.protectiveExits.map(\.fillPrice) == [Fixed(price)!])
        #expect(result.protectiveExits.map(\.triggerPrice) == [Fixed(98)])
        #expect(result.protectiveExits.map(\.emulated) == [false])
        #expect(result.trades.map(\.exitPrice) == [Fixed(price)!])
        #expect(result.trades.map(\.exitTime) == [Fixture.bars([flat, flat, bar])[2].time])
        let stop = try #require(result.orders.first { $0.request.type == .stopMarket })
        #expect(stop.request.reduceOnly)
        #expect(stop.request.tag == "exit:stop_loss")
    }

    @Test func takeProfitFillCancelsTheStopOneCancelsTheOther() throws {
        let result = try run([flat, (100, 101, 99, 100), (100, 103.5, 99, 103), flat],
                             exits: ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.03)))
        #expect(result.protectiveExits.map(\.reason) == [.takeProfit])
        #expect(result.trades.map(\.exitPrice) == [Fixed(103)])
        let stop = try #require(result.orders.first { $0.request.type == .stopMarket })
        let take = try #require(result.orders.first { $0.request.type == .takeProfit })
        #expect(stop.status == .canceled)
        #expect(take.status == .filled)
        #expect(stop.request.ocoGroup == take.request.ocoGroup)
        #expect(result.openPositions.isEmpty)
    }

    @Test func whenOneBarReachesBothTheStopFillsAndTheTakeProfitIsCanceled() throws {
        let result = try run([flat, (100, 101, 99, 100), (100, 104, 97, 100), flat],
                             exits: ProtectiveExitPolicy(stopLoss: .percent(0.02), takeProfit: .percent(0.03)))
        #expect(result.protectiveExits.map(\.reason) == [.stopLoss])
        #expect(result.trades.map(\.exitPrice) == [Fixed(98)])
        #expect(result.orders.first { $0.request.type == .takeProfit }?.status == .canceled)
        #expect(result.trades.count == 1)
    }

    @Test func trailingStopFollowsTheHighAndFillsWhereItWasLastMoved() throws {
        let result = try run([flat, (100, 101, 99, 100), (105, 110, 104, 109), (108, 108, 106, 107), flat],
                             exits: ProtectiveExitPolicy(trailingStop: .percent(0.02)))
        let stops = result.orders.filter { $0.request.type == .stopMarket }
        // Entry 100 -> 98; bar 1's high 101 -> 98.98; bar 2's high 110 -> 107.8.
        #expect(stops.map(\.request.stopPrice) == [Fixed(98), Fixed("98.98")!, Fixed("107.8")!])
        #expect(stops.map(\.status) == [.canceled, .canceled, .filled])
        #expect(result.protectiveExits.map(\.reason) == [.trailingStop])
        #expect(result.trades.map(\.exitPrice) == [Fixed("107.8")!])
    }

    @Test func timeStopClosesAtTheNextOpenAfterNBars() throws {
        let result = try run([flat, flat, flat, flat, (101, 101, 101, 101), flat],
                             exits: ProtectiveExitPolicy(timeStop: .bars(2)))
        #expect(result.protectiveExits.map(\.reason) == [.timeStop])
        #expect(result.protectiveExits.map(\.triggerPrice) == [nil])
        #expect(result.trades.map(\.exitPrice) == [Fixed(101)])
    }

    @Test func breakEvenStopProtectsTheEntryPlusFees() throws {
        let result = try run([flat, (100, 101, 99, 100), (101, 102, 100.5, 101), (100, 100, 99, 99.5), flat],
                             exits: ProtectiveExitPolicy(stopLoss: .percent(0.05), breakEven: .percent(0.01)))
        // Fee 0.1%: 100 x 1.001 / 0.999 = 100.2002..., on the tick 100.21; bar 3 gaps below it: fill at 100.
        #expect(result.protectiveExits.map(\.triggerPrice) == [Fixed("100.21")!])
        #expect(result.protectiveExits.map(\.breakEven) == [true])
        #expect(result.trades.map(\.exitPrice) == [Fixed(100)])
    }

    @Test func emulatedStopTriggersOnTheSameBarAndFillsAtTheNextOpen() throws {
        let result = try run([flat, (100, 101, 99, 100), (95, 96, 94, 95), (93, 94, 92, 93), flat],
                             exits: ProtectiveExitPolicy(stopLoss: .percent(0.02)), emulate: true)
        #expect(result.orders.contains { $0.request.type == .stopMarket } == false)
        #expect(result.protectiveExits.map(\.reason) == [.stopLoss])
        #expect(result.protectiveExits.map(\.emulated) == [true])
        #expect(result.protectiveExits.map(\.triggerPrice) == [Fixed(98)])
        #expect(result.trades.map(\.exitPrice) == [Fixed(93)])
    }

    @Test func exitsLandInTheJSONReportAndTheHTMLTradeList() throws {
        let bars: [(Double, Double, Double, Double)] = [flat, (100, 101, 99, 100), (95, 96, 94, 95), flat]
        let result = try run(bars, exits: ProtectiveExitPolicy(stopLoss: .percent(0.02)))
        let json = try JSONSerialization.jsonObject(with: try JSONReport(result).encoded()) as! [String: Any]
        let risk = try #require(json["risk"] as? [String: Any])
        let exits = try #require(risk["protective_exits"] as? [[String: Any]])
        #expect(exits.count == 1)
        #expect(exits[0]["reason"] as? String == "stop_loss")
        #expect(exits[0]["symbol"] as? String == "SYNTH/USDT")
        #expect(exits[0]["emulated"] as? Bool == false)
        let trades = try #require(json["trades"] as? [[String: Any]])
        #expect(trades.map { $0["exit_reason"] as? String } == ["stop_loss"])
        let configuration = try #require(json["configuration"] as? [String: Any])
        let policy = try #require(configuration["protective_exits"] as? [String: Any])
        #expect(policy["stop_loss"] as? String == "2%")
        let html = HTMLReport.render(result, series: [InstrumentSeries(instrument: Fixture.instrument, bars: Fixture.bars(bars))])
        #expect(html.contains("<th>Exit</th>"))
        #expect(html.contains("<td class=\"exit stop_loss\">stop loss</td>"))
    }

    @Test func cooldownRefusesReEntryAfterConsecutiveStopOutsUntilItExpires() throws {
        var limits = RiskLimits()
        limits.maxPositionFraction = 1
        limits.dailyLossLimit = 0.5
        limits.cooldown = CooldownConfig(count: 2, durationMs: 3 * 3_600_000)
        var configuration = Fixture.configuration(AlwaysLong.self)
        configuration.protectiveExits = ProtectiveExitPolicy(stopLoss: .percent(0.02))
        configuration.risk = limits
        // Entries fill at the open of bars 1, 4 and 9; their stops (98) meet the market from the next bar on
        // and fill in the dips of bars 3, 5 and 11.
        let dips: Set<Int> = [1, 3, 5, 9, 11]
        let bars = Fixture.bars((0..<12).map { dips.contains($0) ? (100, 100, 97, 100) : (100, 100, 100, 100) })
        let result = try BacktestRunner.run(AlwaysLong.self, configuration: configuration,
                                            series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
        #expect(result.protectiveExits.map(\.time) == [bars[3].time, bars[5].time, bars[11].time])
        // The second stop-out (bar 5) locks the symbol until bar 8 opens.
        #expect(result.rejections.map(\.code) == ["cooldown", "cooldown", "cooldown"])
        #expect(result.rejections.map(\.time) == [bars[5].time, bars[6].time, bars[7].time])
        #expect(result.riskEvents.filter { $0.kind == .cooldown }.map(\.time) == [bars[5].time])
    }
}
