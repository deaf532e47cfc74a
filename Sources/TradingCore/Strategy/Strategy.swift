import TradingModel

/// A trading strategy: reads closed bars and asks for positions or orders through its context.
///
/// Write your own by conforming a struct and registering it (see README, "Writing a strategy"):
/// ```swift
/// struct MyStrategy: Strategy {
///     static let name = "my_strategy"
///     static let summary = "Long when close > SMA(n)."
///     static let parameterSpace = ParameterSpace([.init("n", .int(min: 2, max: 200, step: 1), default: .int(20), help: "SMA period")])
///     var sma: SMA
///     init(parameters: ParameterValues) throws(ParameterError) { sma = SMA(period: parameters.int("n")) }
///     mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext) {
///         let value = sma.update(bar.close)
///         guard !value.isNaN else { return }
///         context.target(instrument, bar.close > value ? .long : .flat, tag: "close>sma")
///     }
/// }
/// ```
/// Strategies see only closed bars (and higher-timeframe bars that have closed), never the future.
public protocol Strategy: Sendable {
    /// Registry name used on the command line and in config (`snake_case`).
    static var name: String { get }
    /// One line for `graphwiz strategies`.
    static var summary: String { get }
    /// The parameters an optimizer may search, with ranges and defaults.
    static var parameterSpace: ParameterSpace { get }

    /// Creates an instance from validated parameters; throws for combinations that make no sense
    /// (e.g. a fast period not below the slow one).
    init(parameters: ParameterValues) throws(ParameterError)

    /// Higher timeframes this instance reads (resampled from the base bars; visible only once closed).
    var higherTimeframes: [Timeframe] { get }

    /// Called once per closed bar of `instrument`, after fills on that bar have been applied.
    mutating func onBar(_ bar: Bar, instrument: Int, context: inout StrategyContext)

    /// Called for each fill of this strategy's orders.
    mutating func onFill(_ fill: Fill, instrument: Int, context: inout StrategyContext)
}

extension Strategy {
    public var higherTimeframes: [Timeframe] { [] }
    public mutating func onFill(_ fill: Fill, instrument: Int, context: inout StrategyContext) {}
}
