import Foundation
import Indicators
import TradingCore
import TradingModel

/// A strategy whose decisions are target changes that can also be computed over whole arrays at once.
/// The vectorized sweep uses `signals`; a parity test proves it matches `onBar` exactly.
public protocol SignalStrategy: Strategy {
    /// Per bar: +1 asks for a long position, -1 for a short one (flat where shorting is not allowed),
    /// 0 for no change; exactly the `target` intents `onBar` would emit after that bar.
    static func signals(_ columns: BarColumns, parameters: ParameterValues, cache: IndicatorCache) -> [Int8]
}

/// Indicator arrays computed once per data set and shared by every parameter combination of a sweep.
/// Thread-safe: workers on all cores read it concurrently.
public final class IndicatorCache: @unchecked Sendable {
    public let columns: BarColumns
    private let lock = NSLock()
    private var series: [String: [Double]] = [:]

    public init(_ columns: BarColumns) { self.columns = columns }

    /// The cached series for `key`, computing it with `make` on first use.
    public func series(_ key: String, _ make: (BarColumns) -> [Double]) -> [Double] {
        lock.lock()
        if let hit = series[key] { lock.unlock(); return hit }
        lock.unlock()
        let computed = make(columns)
        lock.lock()
        defer { lock.unlock() }
        if let raced = series[key] { return raced }
        series[key] = computed
        return computed
    }

    public func sma(_ period: Int) -> [Double] { series("sma:\(period)") { SMA.compute($0.close, period: period) } }
    public func ema(_ period: Int) -> [Double] { series("ema:\(period)") { EMA.compute($0.close, period: period) } }
    public func rsi(_ period: Int) -> [Double] { series("rsi:\(period)") { RSI.compute($0.close, period: period) } }
}
