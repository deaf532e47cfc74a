import TradingCore

/// The strategies the command line knows, by name. To add your own, write a `Strategy` and append its type
/// to `builtIn` (see README, "Writing a strategy").
public enum StrategyRegistry {
    /// Every built-in strategy, in the order `graphwiz strategies` lists them.
    public static let builtIn: [any Strategy.Type] = [
        SmaCross.self, EmaCross.self, RsiReversion.self, MacdCross.self, BollingerReversion.self,
        DonchianBreakout.self, SupertrendTrend.self, GridStrategy.self, DcaStrategy.self,
    ]

    /// The default strategy of `graphwiz backtest` with no arguments.
    public static let defaultName = SmaCross.name

    /// Looks a strategy up by name; the error lists the known names.
    public static func strategy(named name: String) throws(StrategyLookupError) -> any Strategy.Type {
        guard let found = builtIn.first(where: { $0.name == name }) else {
            throw StrategyLookupError(name: name, known: builtIn.map { $0.name })
        }
        return found
    }
}

/// An unknown strategy name.
public struct StrategyLookupError: Error, Sendable, CustomStringConvertible {
    public let name: String
    public let known: [String]
    public var description: String { "unknown strategy '\(name)'; available: \(known.joined(separator: ", "))" }
}
