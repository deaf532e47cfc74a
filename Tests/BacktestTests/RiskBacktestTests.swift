import Backtest
import Foundation
import MarketData
import Testing
import TradingCore
import TradingModel

/// Goes long on every 4th bar and flat two bars later (test strategy that keeps trading).
struct EveryFourBars: Strategy {
    static let name = "every_four_bars"
    static let summary = "test"
    static let parameterSpace = ParameterSpace([])
    init(parameters: ParameterValues) throws(ParameterError) {}
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        switch context.barIndex % 4 {
        case 0: context.target(instrument, .long, tag: "in")
        case 2: context.target(instrument, .flat, tag: "out")
        default: break
        }
    }
}

@Suite struct RiskBacktestTests {
    /// 20 hourly bars at 100, except bar 9 closes at 80 and the price stays at 80 from bar 10 on.
    private var bars: [Bar] {
        Fixture.bars((0..<20).map { i in
            i < 9 ? (100, 100, 100, 100) : (i == 9 ? (100, 100, 80, 80) : (80, 80, 80, 80))
        })
    }

    private func run(risk: RiskLimits?) throws -> BacktestResult {
        var configuration = Fixture.configuration(EveryFourBars.self)
        configuration.risk = risk
        return try BacktestRunner.run(EveryFourBars.self, configuration: configuration,
                                      series: [InstrumentSeries(instrument: Fixture.instrument, bars: bars)])
    }

    private var limits: RiskLimits {
        var limits = RiskLimits()
        limits.maxPositionFraction = 1
        return limits
    }

    @Test func drawdownBreachMidBacktestHaltsTradingAndTheReportShowsIt() throws {
        let result = try run(risk: limits)
        let haltTime = bars[9].time
        #expect(result.riskState == .halted)
        #expect(result.riskEvents.map(\.kind) == [.stateChange, .cancelAll, .flatten])
        #expect(result.riskEvents.allSatisfy { $0.time == haltTime && $0.code == "max_drawdown" })
        // Entry filled at bar 9's open (100); the flatten order sold at bar 10's open (80); nothing after.
        let flatten = try #require(result.orders.first { $0.request.tag == "risk-flatten" })
        #expect(flatten.status == .filled)
        #expect(flatten.averageFillPrice == Fixed(80))
        #expect(result.orders.last == flatten)
        #expect(result.trades.count == 3)
        #expect(result.trades.last?.exitOrderId == flatten.request.clientOrderId)
        // Bars 12 and 16 ask for a long again: refused while halted.
        #expect(result.rejections.map(\.code) == ["halted", "halted"])
        #expect(result.rejections.map(\.time) == [bars[12].time, bars[16].time])
        #expect(result.openPositions.isEmpty)

        let json = try JSONSerialization.jsonObject(with: try JSONReport(result).encoded()) as! [String: Any]
        let risk = try #require(json["risk"] as? [String: Any])
        #expect(risk["engine"] as? String == "risk_engine")
        #expect(risk["final_state"] as? String == "HALTED")
        let events = try #require(risk["events"] as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["state_change", "cancel_all", "flatten"])
        #expect(events[0]["from"] as? String == "ACTIVE")
        #expect(events[0]["to"] as? String == "HALTED")
        #expect(events[0]["time"] as? String == UTCTimestamp.iso8601(haltTime))
        #expect((events[0]["reason"] as? String)?.hasSuffix("reaching the max drawdown 0.15") == true)
        let rejections = try #require(risk["rejections"] as? [[String: Any]])
        #expect(rejections.map { $0["code"] as? String } == ["halted", "halted"])
    }

    @Test func withoutTheRiskEngineTheSameRunKeepsTrading() throws {
        let result = try run(risk: nil)
        #expect(result.riskState == nil)
        #expect(result.riskEvents.isEmpty)
        #expect(result.rejections.isEmpty)
        #expect(result.orders.contains { $0.request.tag == "risk-flatten" } == false)
        #expect(result.trades.count == 5)
        let json = try JSONSerialization.jsonObject(with: try JSONReport(result).encoded()) as! [String: Any]
        let risk = try #require(json["risk"] as? [String: Any])
        #expect(risk["engine"] as? String == "basic")
        #expect(risk["final_state"] is NSNull)
    }

    @Test func riskLimitsAreStoredInTheConfiguration() throws {
        let result = try run(risk: limits)
        let data = try JSONEncoder().encode(result.configuration)
        #expect(try JSONDecoder().decode(BacktestConfiguration.self, from: data).risk == limits)
    }
}
