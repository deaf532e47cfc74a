import Alerts
import Foundation
import Logging
import Testing
import TradingAPI
import TradingModel
@testable import TradingApp

@Suite("Serve: alert center over the sessions")
struct ServeAlertTests {
    @Test("an evaluation reads the sessions, fires the drawdown rule and pushes it to the update stream once")
    func drawdownAlertReachesTheStream() async throws {
        let fixture = try ServeSessionControlTests.fixture(bars: 200, stopWhenFeedEnds: true)
        try await fixture.session.start()
        await fixture.control.connect()
        async let pumping: Void = fixture.control.pump()
        try await fixture.session.run()
        await pumping
        let updates = fixture.control.updates()
        let service = AlertService(
            center: AlertCenter(thresholds: AlertThresholds(maxDrawdown: 0), dispatcher: AlertDispatcher(channels: [])),
            control: fixture.control, interval: .seconds(1), rejectionWindow: 300, logger: Logger(label: "test"))
        var day = AlertService.DayOpening()
        let now = Date(timeIntervalSince1970: 1_800_000_000)

        let input = await AlertService.input(control: fixture.control, day: &day, rejectionWindow: 300, now: now)
        let portfolio = await fixture.control.portfolio()
        #expect(input.drawdown == portfolio.drawdown)
        #expect(input.grossExposure == portfolio.exposure)
        #expect(input.dailyLoss == 0)  // the first evaluation of a day opens it
        #expect(input.exchangeConnected == ["paper": true])
        #expect(day.equity == portfolio.totalValue)

        let fired = await service.evaluate(day: &day, now: now)
        #expect(fired.map(\.name) == ["GraphwizDrawdownHigh"])
        #expect(await service.evaluate(day: &day, now: now.addingTimeInterval(1)).isEmpty)  // still firing: no repeat
        fixture.control.closeStreams()
        var alerts: [AlertMessage] = []
        for await update in updates { if case let .alert(message) = update { alerts.append(message) } }
        #expect(alerts.map(\.rule) == ["GraphwizDrawdownHigh"])
        #expect(alerts.first?.severity == fired.first?.severity.rawValue)
        #expect(alerts.first?.time == 1_800_000_000_000)
    }
}
