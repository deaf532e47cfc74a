import Indicators
import TradingCore
import TradingModel

/// Turtle-style breakout: long when the close breaks above the highest high of the previous `entry` bars,
/// out when it breaks below the lowest low of the previous `exit` bars (mirror for shorts where allowed).
public struct DonchianBreakout: Strategy {
    public static let name = "donchian_breakout"
    public static let summary = "Close above the prior N-bar high: long; below the prior M-bar low: out."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("entry", .int(min: 2, max: 300, step: 1), default: .int(20), help: "breakout channel period"),
        ParameterSpec("exit", .int(min: 2, max: 300, step: 1), default: .int(10), help: "exit channel period"),
    ])

    private var entryChannel: Donchian
    private var exitChannel: Donchian
    private var previousEntry = Donchian.Output(upper: .nan, middle: .nan, lower: .nan)
    private var previousExit = Donchian.Output(upper: .nan, middle: .nan, lower: .nan)

    public init(parameters: ParameterValues) throws(ParameterError) {
        entryChannel = Donchian(period: parameters.int("entry"))
        exitChannel = Donchian(period: parameters.int("exit"))
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        // Compare with the channels of the bars BEFORE this one, then include this bar.
        let held = context.position(instrument)
        if !previousEntry.upper.isNaN {
            if bar.close > previousEntry.upper && !held.isPositive {
                context.target(instrument, .long, tag: "breakout_high")
            } else if bar.close < previousEntry.lower && !held.isNegative && context.allowShort {
                context.target(instrument, .short, tag: "breakout_low")
            } else if held.isPositive && !previousExit.lower.isNaN && bar.close < previousExit.lower {
                context.target(instrument, .flat, tag: "exit_channel_low")
            } else if held.isNegative && !previousExit.upper.isNaN && bar.close > previousExit.upper {
                context.target(instrument, .flat, tag: "exit_channel_high")
            }
        }
        previousEntry = entryChannel.update(bar)
        previousExit = exitChannel.update(bar)
    }
}
