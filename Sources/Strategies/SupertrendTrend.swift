import Indicators
import TradingCore
import TradingModel

/// Follows the Supertrend direction; optionally only takes longs while a higher timeframe is in an uptrend
/// (its last CLOSED bar above its EMA), which shows multi-timeframe reading without look-ahead.
public struct SupertrendTrend: Strategy {
    public static let name = "supertrend_trend"
    public static let summary = "Supertrend up: long; down: flat (or short). Optional higher-timeframe EMA filter."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("period", .int(min: 2, max: 100, step: 1), default: .int(10), help: "ATR period"),
        ParameterSpec("multiplier", .double(min: 0.5, max: 10, step: 0.5), default: .double(3), help: "ATR multiplier"),
        ParameterSpec("htf", .choice(["none", "15m", "1h", "4h", "1d", "1w"]), default: .string("none"),
                      help: "higher timeframe for the trend filter (none = off)"),
        ParameterSpec("htf_ema", .int(min: 2, max: 200, step: 1), default: .int(20), help: "EMA period on the higher timeframe"),
    ])

    private var supertrend: Supertrend
    private var lastDirection = 0
    public let higherTimeframes: [Timeframe]
    private var htfEMA: EMA
    private var htfSeen = 0
    private var htfTrendUp = true

    public init(parameters: ParameterValues) throws(ParameterError) {
        supertrend = Supertrend(atrPeriod: parameters.int("period"), multiplier: parameters.double("multiplier"))
        let htf = parameters.string("htf")
        higherTimeframes = htf == "none" ? [] : [Timeframe(htf)!]
        htfEMA = EMA(period: parameters.int("htf_ema"))
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        if !higherTimeframes.isEmpty {
            let closed = context.closedBars(instrument, timeframe: 0)
            while htfSeen < closed.count {
                let value = htfEMA.update(closed[htfSeen].close)
                htfTrendUp = value.isNaN || closed[htfSeen].close > value
                htfSeen += 1
            }
        }
        let out = supertrend.update(bar)
        guard out.direction != 0, out.direction != lastDirection else { return }
        lastDirection = out.direction
        if out.direction > 0 {
            if htfTrendUp { context.target(instrument, .long, tag: "supertrend_up") }
        } else {
            context.target(instrument, .short, tag: "supertrend_down")
        }
    }
}
