import Logging
import Metrics

/// Delivers notifications to every channel concurrently, retrying each with exponential backoff, logging
/// failures and counting outcomes in `graphwiz_alerts_sent_total{channel, outcome}`.
public struct AlertDispatcher: Sendable {
    /// The metric counting deliveries.
    public static let sentMetric = "graphwiz_alerts_sent_total"

    /// The destinations.
    public var channels: [any AlertChannel]
    /// Attempts, backoff and timeout.
    public var retry: RetryPolicy
    private let logger: Logger
    private let metrics: (any MetricsFactory)?
    private let sleep: @Sendable (Duration) async throws -> Void

    /// A dispatcher.
    /// - Parameters:
    ///   - metricsFactory: where counters go; `nil` uses the bootstrapped `MetricsSystem`.
    ///   - sleep: waits between attempts (tests pass a recorder); default `Task.sleep`.
    public init(channels: [any AlertChannel], retry: RetryPolicy = RetryPolicy(),
                logger: Logger = Logger(label: "graphwiz.alerts"), metricsFactory: (any MetricsFactory)? = nil,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.channels = channels
        self.retry = retry
        self.logger = logger
        self.metrics = metricsFactory
        self.sleep = sleep
    }

    /// Delivers every alert to every channel; returns one report per (alert, channel), in alert then
    /// channel order. Never throws: failures are in the reports, the log and the counter.
    public func deliver(_ alerts: [Alert]) async -> [AlertDeliveryReport] {
        guard !alerts.isEmpty, !channels.isEmpty else { return [] }
        let width = channels.count
        var reports = [AlertDeliveryReport?](repeating: nil, count: alerts.count * width)
        await withTaskGroup(of: (Int, AlertDeliveryReport).self) { group in
            for (i, alert) in alerts.enumerated() {
                for (j, channel) in channels.enumerated() {
                    group.addTask { (i * width + j, await self.deliver(alert, to: channel)) }
                }
            }
            for await (index, report) in group { reports[index] = report }
        }
        return reports.compactMap { $0 }
    }

    /// Delivers one alert to one channel with retries.
    public func deliver(_ alert: Alert, to channel: any AlertChannel) async -> AlertDeliveryReport {
        var attempt = 0
        var lastError: AlertDeliveryError?
        while attempt < retry.maxAttempts {
            attempt += 1
            do throws(AlertDeliveryError) {
                try await channel.send(alert, timeout: retry.timeout)
                count(channel.name, .success)
                logger.info("alert delivered", metadata: ["alert": "\(alert.key)", "status": "\(alert.status.rawValue)",
                                                          "channel": "\(channel.name)", "attempts": "\(attempt)"])
                return AlertDeliveryReport(alertKey: alert.key, status: alert.status, channel: channel.name,
                                           attempts: attempt, outcome: .success)
            } catch {
                lastError = error
                let final = !error.isRetryable || attempt >= retry.maxAttempts
                logger.warning("alert delivery attempt failed", metadata: [
                    "alert": "\(alert.key)", "channel": "\(channel.name)", "attempt": "\(attempt)",
                    "of": "\(retry.maxAttempts)", "error": "\(error.message)", "retrying": "\(!final)",
                ])
                if final { break }
                do { try await sleep(retry.backoff(afterAttempt: attempt, retryAfter: error.retryAfter)) } catch { break }
            }
        }
        count(channel.name, .failure)
        logger.error("alert not delivered", metadata: ["alert": "\(alert.key)", "channel": "\(channel.name)",
                                                       "attempts": "\(attempt)", "error": "\(lastError?.message ?? "cancelled")"])
        return AlertDeliveryReport(alertKey: alert.key, status: alert.status, channel: channel.name, attempts: attempt,
                                   outcome: .failure, error: lastError)
    }

    private func count(_ channel: String, _ outcome: AlertDeliveryReport.Outcome) {
        let dimensions = [("channel", channel), ("outcome", outcome.rawValue)]
        if let metrics {
            Counter(label: Self.sentMetric, dimensions: dimensions, factory: metrics).increment()
        } else {
            Counter(label: Self.sentMetric, dimensions: dimensions).increment()
        }
    }
}
