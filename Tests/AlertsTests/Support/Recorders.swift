import Alerts
import Metrics
import Foundation
import NIOConcurrencyHelpers

/// Records the waits the dispatcher asks for, without waiting.
actor SleepRecorder {
    private(set) var waits: [Duration] = []
    func record(_ d: Duration) { waits.append(d) }
}

/// Counts counter increments by `label{dim=value,...}`.
final class CountingMetrics: MetricsFactory, Sendable {
    private let counts = NIOLockedValueBox<[String: Int64]>([:])

    func value(_ label: String, _ dimensions: [(String, String)]) -> Int64 {
        counts.withLockedValue { $0[Self.key(label, dimensions)] ?? 0 }
    }

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + "{" + dimensions.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + "}"
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler(key: Self.key(label, dimensions), counts: counts)
    }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler { Ignored() }
    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler { Ignored() }
    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    private final class Handler: CounterHandler, Sendable {
        let key: String
        let counts: NIOLockedValueBox<[String: Int64]>
        init(key: String, counts: NIOLockedValueBox<[String: Int64]>) {
            self.key = key
            self.counts = counts
        }
        func increment(by amount: Int64) { counts.withLockedValue { $0[key, default: 0] += amount } }
        func reset() { counts.withLockedValue { $0[key] = 0 } }
    }

    private final class Ignored: RecorderHandler, TimerHandler, Sendable {
        func record(_ value: Int64) {}
        func record(_ value: Double) {}
        func recordNanoseconds(_ duration: Int64) {}
    }
}

/// A fixed instant: 2026-11-25T01:30:00Z.
let t0 = Date(timeIntervalSince1970: 1_795_570_200)

/// A firing drawdown alert at ``t0``.
func drawdownAlert(status: AlertStatus = .firing) -> Alert {
    Alert(rule: .drawdown, status: status, value: 0.18, threshold: 0.15,
          summary: "drawdown 18.00% reached the limit 15.00%", startsAt: t0, at: t0)
}
