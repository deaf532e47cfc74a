import Indicators
import TradingCore
import TradingModel

/// Mean reversion on Bollinger Bands: long when the close falls below the lower band, out at the middle band;
/// short (where allowed) above the upper band, out at the middle.
public struct BollingerReversion: Strategy {
    public static let name = "bollinger_reversion"
    public static let summary = "Close below the lower band: long until the middle band (and the mirror for shorts)."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("period", .int(min: 2, max: 200, step: 1), default: .int(20), help: "band period"),
        ParameterSpec("deviations", .double(min: 0.5, max: 4, step: 0.1), default: .double(2), help: "band width in standard deviations"),
    ])

    private var bands: BollingerBands

    public init(parameters: ParameterValues) throws(ParameterError) {
        bands = BollingerBands(period: parameters.int("period"), multiplier: parameters.double("deviations"))
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let b = bands.update(bar.close)
        guard !b.middle.isNaN else { return }
        let held = context.position(instrument)
        if bar.close < b.lower && !held.isPositive {
            context.target(instrument, .long, tag: "close_below_lower_band")
        } else if bar.close > b.upper && !held.isNegative && context.allowShort {
            context.target(instrument, .short, tag: "close_above_upper_band")
        } else if held.isPositive && bar.close >= b.middle {
            context.target(instrument, .flat, tag: "back_to_middle_band")
        } else if held.isNegative && bar.close <= b.middle {
            context.target(instrument, .flat, tag: "back_to_middle_band")
        }
    }
}
