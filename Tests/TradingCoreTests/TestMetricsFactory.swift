import CoreMetrics
import Foundation

/// A MetricsFactory that keeps every value in memory, for tests (swift-metrics ships none here).
/// Handlers are keyed by label and sorted dimensions, so the same metric created twice shares its value.
final class TestMetricsFactory: MetricsFactory, @unchecked Sendable {
    private let lock = NSLock()
    private var counters: [String: Int64] = [:]
    private var values: [String: Double] = [:]

    static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + dimensions.sorted { $0.0 < $1.0 }.map { "|\($0.0)=\($0.1)" }.joined()
    }

    /// The counter's total (0 when never incremented).
    func counter(_ label: String, _ dimensions: [(String, String)] = []) -> Int64 {
        lock.withLock { counters[Self.key(label, dimensions)] ?? 0 }
    }

    /// The gauge's or recorder's last value.
    func value(_ label: String, _ dimensions: [(String, String)] = []) -> Double? {
        lock.withLock { values[Self.key(label, dimensions)] }
    }

    fileprivate func add(_ key: String, _ amount: Int64) { lock.withLock { counters[key, default: 0] += amount } }
    fileprivate func set(_ key: String, _ value: Double) { lock.withLock { values[key] = value } }
    fileprivate func resetCounter(_ key: String) { lock.withLock { counters[key] = 0 } }

    func makeCounter(label: String, dimensions: [(String, String)]) -> CounterHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }
    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> RecorderHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }
    func makeMeter(label: String, dimensions: [(String, String)]) -> MeterHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }
    func makeTimer(label: String, dimensions: [(String, String)]) -> TimerHandler {
        Handler(factory: self, key: Self.key(label, dimensions))
    }
    func destroyCounter(_ handler: CounterHandler) {}
    func destroyRecorder(_ handler: RecorderHandler) {}
    func destroyMeter(_ handler: MeterHandler) {}
    func destroyTimer(_ handler: TimerHandler) {}

    private final class Handler: CounterHandler, RecorderHandler, MeterHandler, TimerHandler, @unchecked Sendable {
        let factory: TestMetricsFactory
        let key: String
        init(factory: TestMetricsFactory, key: String) {
            self.factory = factory
            self.key = key
        }
        func increment(by amount: Int64) { factory.add(key, amount) }
        func reset() { factory.resetCounter(key) }
        func record(_ value: Int64) { factory.set(key, Double(value)) }
        func record(_ value: Double) { factory.set(key, value) }
        func set(_ value: Int64) { factory.set(key, Double(value)) }
        func set(_ value: Double) { factory.set(key, value) }
        func increment(by amount: Double) { factory.set(key, (factory.stored(key) ?? 0) + amount) }
        func decrement(by amount: Double) { factory.set(key, (factory.stored(key) ?? 0) - amount) }
        func recordNanoseconds(_ duration: Int64) { factory.set(key, Double(duration)) }
    }
}

extension TestMetricsFactory {
    fileprivate func stored(_ key: String) -> Double? { lock.withLock { values[key] } }
}
