import Alerts
import Foundation
import Logging
import ServiceLifecycle
import TradingAPI
import TradingModel

/// Evaluates the alert rules every `interval` from the sessions (drawdown, daily loss, exposure, feed, recent
/// rejections), delivers the notifications through the configured channels and pushes each alert to the
/// API's update stream.
struct AlertService: Service {
    let center: AlertCenter
    let control: SessionTradingControl
    let interval: Duration
    let rejectionWindow: Double
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var day = DayOpening()
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                await evaluate(day: &day, now: Date())
            }
        }
    }

    /// One evaluation: the rules over the sessions now; each notification is delivered by the center and pushed
    /// to the update stream. Returns the notifications.
    @discardableResult
    func evaluate(day: inout DayOpening, now: Date) async -> [Alert] {
        let input = await AlertService.input(control: control, day: &day, rejectionWindow: rejectionWindow, now: now)
        let alerts = await center.process(input)
        for alert in alerts {
            logger.warning("alert \(alert.status.rawValue): \(alert.name): \(alert.summary)")
            control.publish(alert: AlertMessage(
                time: Int64(alert.at.timeIntervalSince1970 * 1000), severity: alert.severity.rawValue,
                rule: alert.name, message: alert.status == .resolved ? "resolved: \(alert.summary)" : alert.summary))
        }
        return alerts
    }

    /// The opening equity of the current UTC day, for the daily loss.
    struct DayOpening {
        var day: Int64 = -1
        var equity = Money.zero
    }

    /// One snapshot of the service for the rules.
    static func input(control: SessionTradingControl, day: inout DayOpening, rejectionWindow: Double,
                      now: Date) async -> AlertInput {
        let portfolio = await control.portfolio()
        let snapshots = await control.snapshots()
        let today = Int64(now.timeIntervalSince1970) / 86_400
        if today != day.day || !day.equity.isPositive {
            day = DayOpening(day: today, equity: portfolio.totalValue)
        }
        let dailyLoss = day.equity.isPositive ? ((day.equity - portfolio.totalValue) / day.equity).doubleValue : 0
        let since = Int64((now.timeIntervalSince1970 - rejectionWindow) * 1000)
        var connected: [String: Bool] = [:]
        for snapshot in snapshots { connected[snapshot.venue] = (connected[snapshot.venue] ?? true) && snapshot.time > 0 }
        return AlertInput(time: now, drawdown: portfolio.drawdown, dailyLoss: max(0, dailyLoss),
                          grossExposure: portfolio.exposure, exchangeConnected: connected,
                          rejectionsInWindow: snapshots.reduce(0) { sum, snapshot in
                              sum + snapshot.rejections.count { rejection in rejection.time >= since }
                          })
    }
}
