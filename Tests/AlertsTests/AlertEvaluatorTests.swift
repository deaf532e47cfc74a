import Foundation
import Testing
@testable import Alerts

@Suite struct AlertEvaluatorTests {
    @Test func drawdownFiresOnceWhileItStaysAboveTheLimit() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxDrawdown: 0.15))
        let first = evaluator.evaluate(AlertInput(time: t0, drawdown: 0.18))
        #expect(first == [Alert(rule: .drawdown, status: .firing, value: 0.18, threshold: 0.15,
                                summary: "drawdown 18.00% reached the limit 15.00%", startsAt: t0, at: t0)])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 15, drawdown: 0.20)) == [])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 30, drawdown: 0.16)) == [])
        #expect(evaluator.firing.map(\.key) == ["GraphwizDrawdownHigh"])
    }

    @Test func drawdownBelowTheLimitDoesNotFire() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxDrawdown: 0.15))
        #expect(evaluator.evaluate(AlertInput(time: t0, drawdown: 0.1499)) == [])
        #expect(evaluator.firing == [])
    }

    @Test func resolvedIsSentOnceWhenTheConditionClears() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxDailyLoss: 0.05))
        _ = evaluator.evaluate(AlertInput(time: t0, dailyLoss: 0.05))
        let resolved = evaluator.evaluate(AlertInput(time: t0 + 60, dailyLoss: 0.02))
        #expect(resolved == [Alert(rule: .dailyLoss, status: .resolved, value: 0.02, threshold: 0.05,
                                   summary: "daily loss 2.00% is back under the limit 5.00%", startsAt: t0, at: t0 + 60)])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 120, dailyLoss: 0.01)) == [])
        #expect(evaluator.firing == [])
    }

    @Test func resolvedIsNotSentWhenDisabled() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxGrossExposure: 1, sendResolved: false))
        #expect(evaluator.evaluate(AlertInput(time: t0, grossExposure: 1.25)).map(\.status) == [.firing])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 1, grossExposure: 0.5)) == [])
        #expect(evaluator.firing == [])
    }

    @Test func firingAlertIsSentAgainAfterTheRenotifyInterval() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxGrossExposure: 1, renotifySeconds: 600))
        _ = evaluator.evaluate(AlertInput(time: t0, grossExposure: 1.25))
        #expect(evaluator.evaluate(AlertInput(time: t0 + 599, grossExposure: 1.3)) == [])
        let again = evaluator.evaluate(AlertInput(time: t0 + 600, grossExposure: 1.5))
        #expect(again == [Alert(rule: .exposure, status: .firing, value: 1.5, threshold: 1,
                                summary: "gross exposure 1.50x of equity reached the limit 1.00x",
                                startsAt: t0, at: t0 + 600, isRenotification: true)])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 1199, grossExposure: 1.5)) == [])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 1200, grossExposure: 1.5)).map(\.isRenotification) == [true])
    }

    @Test func renotifyIntervalZeroNeverRepeats() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxDrawdown: 0.1, renotifySeconds: 0))
        _ = evaluator.evaluate(AlertInput(time: t0, drawdown: 0.2))
        #expect(evaluator.evaluate(AlertInput(time: t0 + 86_400, drawdown: 0.2)) == [])
    }

    @Test func exchangeDisconnectedFiresOnlyAfterTheConfiguredSeconds() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(exchangeDisconnectedSeconds: 60))
        let down = ["binance": false, "kraken": true]
        #expect(evaluator.evaluate(AlertInput(time: t0, exchangeConnected: down)) == [])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 59, exchangeConnected: down)) == [])
        let fired = evaluator.evaluate(AlertInput(time: t0 + 60, exchangeConnected: down))
        #expect(fired == [Alert(rule: .exchangeDisconnected, status: .firing, labels: ["exchange": "binance"], value: 60,
                                threshold: 60, summary: "exchange binance disconnected for 60 s (limit 60 s)",
                                startsAt: t0, at: t0 + 60)])
        #expect(fired.map(\.key) == ["GraphwizExchangeDisconnected{exchange=binance}"])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 90, exchangeConnected: down)) == [])
        let back = evaluator.evaluate(AlertInput(time: t0 + 95, exchangeConnected: ["binance": true, "kraken": true]))
        #expect(back == [Alert(rule: .exchangeDisconnected, status: .resolved, labels: ["exchange": "binance"], value: 0,
                               threshold: 60, summary: "exchange binance is connected again", startsAt: t0, at: t0 + 95)])
    }

    @Test func shortDisconnectionsDoNotFireAndRestartTheClock() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(exchangeDisconnectedSeconds: 60))
        _ = evaluator.evaluate(AlertInput(time: t0, exchangeConnected: ["kraken": false]))
        #expect(evaluator.evaluate(AlertInput(time: t0 + 30, exchangeConnected: ["kraken": true])) == [])
        _ = evaluator.evaluate(AlertInput(time: t0 + 40, exchangeConnected: ["kraken": false]))
        #expect(evaluator.evaluate(AlertInput(time: t0 + 99, exchangeConnected: ["kraken": false])) == [])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 100, exchangeConnected: ["kraken": false])).map(\.key)
                == ["GraphwizExchangeDisconnected{exchange=kraken}"])
    }

    @Test func rejectionsFireWhenMoreThanTheLimitInTheWindow() {
        var evaluator = AlertEvaluator(thresholds: AlertThresholds(maxRejections: 5, rejectionWindowSeconds: 300))
        #expect(evaluator.evaluate(AlertInput(time: t0, rejectionsInWindow: 5)) == [])
        #expect(evaluator.evaluate(AlertInput(time: t0 + 1, rejectionsInWindow: 6)) == [
            Alert(rule: .orderRejections, status: .firing, value: 6, threshold: 5,
                  summary: "6 order rejections in the last 300 s, more than 5", startsAt: t0 + 1, at: t0 + 1),
        ])
    }

    @Test func severalRulesFireInRuleOrder() {
        var evaluator = AlertEvaluator()
        let alerts = evaluator.evaluate(AlertInput(time: t0, drawdown: 0.3, dailyLoss: 0.1, grossExposure: 2,
                                                   rejectionsInWindow: 50))
        #expect(alerts.map(\.name) == ["GraphwizDrawdownHigh", "GraphwizDailyLossHigh", "GraphwizExposureHigh",
                                       "GraphwizOrderRejections"])
        #expect(alerts.map(\.severity) == [.critical, .critical, .warning, .warning])
        #expect(evaluator.firing.map(\.name) == alerts.map(\.name))
    }

    @Test func notANumberNeverFires() {
        var evaluator = AlertEvaluator()
        #expect(evaluator.evaluate(AlertInput(time: t0, drawdown: .nan, dailyLoss: .nan, grossExposure: .nan)) == [])
    }

    @Test func rejectionWindowCountsOnlyRecentRejections() {
        var window = RejectionWindow(seconds: 300)
        for s in [0.0, 10, 100, 299, 300] { window.record(at: t0 + s) }
        #expect(window.count(at: t0 + 300) == 4)
        #expect(window.count(at: t0 + 399) == 3)
        #expect(window.count(at: t0 + 600) == 0)
    }

    @Test func retryBackoffGrowsExponentiallyUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 6, initialBackoff: .milliseconds(500), multiplier: 2, maxBackoff: .seconds(3))
        #expect((1...5).map { policy.backoff(afterAttempt: $0) }
                == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(3), .seconds(3)])
        #expect(policy.backoff(afterAttempt: 1, retryAfter: .seconds(2)) == .seconds(2))
        #expect(policy.backoff(afterAttempt: 1, retryAfter: .seconds(60)) == .seconds(3))
    }
}
