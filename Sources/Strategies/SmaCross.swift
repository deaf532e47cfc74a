import Indicators
import TradingCore
import TradingModel

/// Long when the fast simple moving average crosses above the slow one; out (or short, where allowed)
/// when it crosses below.
public struct SmaCross: Strategy, SignalStrategy, IndicatorReporting {
    public static let name = "sma_cross"
    public static let summary = "Fast SMA crossing the slow SMA: long above, flat (or short) below."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("fast", .int(min: 2, max: 200, step: 1), default: .int(10), help: "fast SMA period"),
        ParameterSpec("slow", .int(min: 3, max: 500, step: 1), default: .int(30), help: "slow SMA period (> fast)"),
    ])

    private var fast: SMA
    private var slow: SMA
    private var cross = CrossDetector()
    private var lastFast = Double.nan
    private var lastSlow = Double.nan

    public init(parameters: ParameterValues) throws(ParameterError) {
        let f = parameters.int("fast"), s = parameters.int("slow")
        guard f < s else { throw .constraint("sma_cross: fast (\(f)) must be below slow (\(s))") }
        fast = SMA(period: f)
        slow = SMA(period: s)
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let f = fast.update(bar.close), s = slow.update(bar.close)
        lastFast = f
        lastSlow = s
        switch cross.update(f - s) {
        case .up: context.target(instrument, .long, tag: "sma_cross_up")
        case .down: context.target(instrument, .short, tag: "sma_cross_down")
        case .none: break
        }
    }

    /// Same decisions as `onBar`, computed over whole arrays for vectorized sweeps.
    public static func signals(_ columns: BarColumns, parameters: ParameterValues, cache: IndicatorCache) -> [Int8] {
        let f = cache.sma(parameters.int("fast")), s = cache.sma(parameters.int("slow"))
        return CrossDetector.signals(f, s)
    }

    /// `sma_fast` and `sma_slow` after the latest bar (NaN while warming up).
    public func indicatorValues(instrument: Int) -> [String: Double] {
        ["sma_fast": lastFast, "sma_slow": lastSlow]
    }
}
