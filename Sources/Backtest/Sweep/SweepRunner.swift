import Dispatch
import Foundation
import Strategies
import TradingCore
import TradingModel

/// One evaluated parameter combination.
public struct SweepRow: Sendable, Codable {
    public var parameters: ParameterValues
    public var metrics: PerformanceMetrics
}

/// The result of a parameter sweep.
public struct SweepResult: Sendable, Codable {
    public var strategy: String
    public var engine: String
    public var combinations: Int
    /// Combinations the strategy refused (e.g. fast >= slow), with the reason.
    public var skipped: [String]
    public var rows: [SweepRow]
    public var elapsedSeconds: Double
    /// Bars evaluated per second over all combinations and cores.
    public var barsPerSecond: Double
    public var threads: Int
}

/// Runs every combination of a grid on all cores. Strategies that conform to `SignalStrategy` use the
/// vectorized path (shared indicator arrays, batch signals, `SignalSimulator`); others use the event-driven
/// runner in parallel. Both give the same trades for the same parameters.
public enum SweepRunner {
    public static func run(strategyType: any Strategy.Type, grid: ParameterGrid, base: BacktestConfiguration,
                           series: InstrumentSeries, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           forceEventDriven: Bool = false) throws -> SweepResult {
        let started = DispatchTime.now().uptimeNanoseconds
        let space = strategyType.parameterSpace
        let total = grid.count
        var valid: [ParameterValues] = []
        var skipped: [String] = []
        for i in 0..<total {
            do {
                let values = try space.resolve(grid.combination(i), strategy: strategyType.name)
                _ = try strategyType.init(parameters: values)
                valid.append(values)
            } catch {
                skipped.append("\(grid.combination(i).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")): \(error)")
            }
        }
        let combos = valid
        let signalType = strategyType as? any SignalStrategy.Type
        let vectorized = !forceEventDriven && signalType != nil && SignalSimulator.supports(base, instruments: 1)
        let cache = IndicatorCache(BarColumns(series.bars))
        let results = ResultSlots(count: valid.count)
        let workers = Swift.max(1, Swift.min(threads, valid.count))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment() - 1
                if i >= combos.count { break }
                var configuration = base
                configuration.parameters = combos[i]
                do {
                    let metrics: PerformanceMetrics
                    if vectorized, let signalType {
                        let signals = signalType.signals(cache.columns, parameters: combos[i], cache: cache)
                        metrics = try SignalSimulator.run(signals: signals, series: series, configuration: configuration,
                                                          closes: cache.columns.close).metrics
                    } else {
                        metrics = try BacktestRunner.run(strategyType: strategyType, configuration: configuration,
                                                         series: [series], runId: "sw\(i)").metrics
                    }
                    results.set(i, .success(SweepRow(parameters: combos[i], metrics: metrics)))
                } catch {
                    results.set(i, .failure(String(describing: error)))
                }
            }
        }
        var rows: [SweepRow] = []
        for outcome in results.values {
            switch outcome {
            case let .success(row)?: rows.append(row)
            case let .failure(message)?: skipped.append(message)
            case nil: break
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return SweepResult(strategy: strategyType.name, engine: vectorized ? "vectorized" : "event-driven",
                           combinations: total, skipped: skipped, rows: rows, elapsedSeconds: elapsed,
                           barsPerSecond: elapsed > 0 ? Double(rows.count * series.bars.count) / elapsed : 0,
                           threads: workers)
    }
}

enum SlotOutcome: Sendable {
    case success(SweepRow)
    case failure(String)
}

/// Result slots written by parallel workers, one slot per index.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [SlotOutcome?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: SlotOutcome) { lock.withLock { storage[index] = value } }
    var values: [SlotOutcome?] { lock.withLock { storage } }
}

/// A shared work counter.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
