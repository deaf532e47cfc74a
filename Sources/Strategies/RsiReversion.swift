import Indicators
import TradingCore
import TradingModel

/// Mean reversion on RSI (Wilder): long when RSI climbs back above the oversold line; out (or short) when it
/// falls back below the overbought line.
public struct RsiReversion: Strategy, SignalStrategy, IndicatorReporting {
    public static let name = "rsi_reversion"
    public static let summary = "RSI back above oversold: long; back below overbought: flat (or short)."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("period", .int(min: 2, max: 100, step: 1), default: .int(14), help: "RSI period"),
        ParameterSpec("oversold", .double(min: 1, max: 50, step: 1), default: .double(30), help: "oversold level"),
        ParameterSpec("overbought", .double(min: 50, max: 99, step: 1), default: .double(70), help: "overbought level"),
    ])

    private var rsi: RSI
    private let oversold: Double
    private let overbought: Double
    private var low = CrossDetector()
    private var high = CrossDetector()
    private var lastRSI = Double.nan

    public init(parameters: ParameterValues) throws(ParameterError) {
        rsi = RSI(period: parameters.int("period"))
        oversold = parameters.double("oversold")
        overbought = parameters.double("overbought")
        guard oversold < overbought else {
            throw .constraint("rsi_reversion: oversold (\(oversold)) must be below overbought (\(overbought))")
        }
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let value = rsi.update(bar.close)
        lastRSI = value
        let up = low.update(value - oversold)
        let down = high.update(value - overbought)
        if case .up = up { context.target(instrument, .long, tag: "rsi_above_oversold") }
        if case .down = down { context.target(instrument, .short, tag: "rsi_below_overbought") }
    }

    public static func signals(_ columns: BarColumns, parameters: ParameterValues, cache: IndicatorCache) -> [Int8] {
        let values = cache.rsi(parameters.int("period"))
        let oversold = parameters.double("oversold"), overbought = parameters.double("overbought")
        var out = [Int8](repeating: 0, count: values.count)
        var low = CrossDetector(), high = CrossDetector()
        for i in values.indices {
            let up = low.update(values[i] - oversold)
            let down = high.update(values[i] - overbought)
            if case .up = up { out[i] = 1 }
            if case .down = down { out[i] = -1 }
        }
        return out
    }

    /// `rsi` after the latest bar with the `oversold` / `overbought` lines (RSI NaN while warming up).
    public func indicatorValues(instrument: Int) -> [String: Double] {
        ["rsi": lastRSI, "oversold": oversold, "overbought": overbought]
    }
}
