import Indicators
import TradingCore
import TradingModel

/// MACD line crossing its signal line: long above, flat (or short) below.
public struct MacdCross: Strategy {
    public static let name = "macd_cross"
    public static let summary = "MACD crossing its signal line: long above, flat (or short) below."
    public static let parameterSpace = ParameterSpace([
        ParameterSpec("fast", .int(min: 2, max: 100, step: 1), default: .int(12), help: "fast EMA period"),
        ParameterSpec("slow", .int(min: 3, max: 300, step: 1), default: .int(26), help: "slow EMA period (> fast)"),
        ParameterSpec("signal", .int(min: 2, max: 100, step: 1), default: .int(9), help: "signal EMA period"),
    ])

    private var macd: MACD
    private var cross = CrossDetector()

    public init(parameters: ParameterValues) throws(ParameterError) {
        let f = parameters.int("fast"), s = parameters.int("slow")
        guard f < s else { throw .constraint("macd_cross: fast (\(f)) must be below slow (\(s))") }
        macd = MACD(fast: f, slow: s, signal: parameters.int("signal"))
    }

    public mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
        let out = macd.update(bar.close)
        switch cross.update(out.macd - out.signal) {
        case .up: context.target(instrument, .long, tag: "macd_above_signal")
        case .down: context.target(instrument, .short, tag: "macd_below_signal")
        case .none: break
        }
    }
}
