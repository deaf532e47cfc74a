import Indicators
import TradingCore
import TradingModel

/// Long when the fast exponential moving average crosses above the slow one; out (or short) below.
public struct EmaCross: Strategy, SignalStrategy, IndicatorReporting {
    public static let name = "ema_cross"
    public static let summary = "Fast EMA crossing the slow EMA: long above, flat (or short) below."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("fast", .int(min: 2, max: 200, step: 1), default: .int(12), help: "fast EMA period"),
        ParameterSpec("slow", .int(min: 3, max: 500, step: 1), default: .int(26), help: "slow EMA period (> fast)"),
    ])

    private var fast: EMA
    private var slow: EMA
    private var cross = CrossDetector()
    private var lastFast = Double.nan
    private var lastSlow = Double.nan

    public init(parameters: ParameterValues) throws(ParameterError) {
        let f = parameters.int("fast"), s = parameters.int("slow")
        guard f < s else { throw .constraint("ema_cross: fast (\(f)) must be below slow (\(s))") }
        fast = EMA(period: f)
        slow = EMA(period: s)
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let f = fast.update(bar.close), s = slow.update(bar.close)
        lastFast = f
        lastSlow = s
        switch cross.update(f - s) {
        case .up: context.target(instrument, .long, tag: "ema_cross_up")
        case .down: context.target(instrument, .short, tag: "ema_cross_down")
        case .none: break
        }
    }

    public static func signals(_ columns: BarColumns, parameters: ParameterValues, cache: IndicatorCache) -> [Int8] {
        CrossDetector.signals(cache.ema(parameters.int("fast")), cache.ema(parameters.int("slow")))
    }

    /// `ema_fast` and `ema_slow` after the latest bar (NaN while warming up).
    public func indicatorValues(instrument: Int) -> [String: Double] {
        ["ema_fast": lastFast, "ema_slow": lastSlow]
    }
}
