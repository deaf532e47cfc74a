import TradingModel

/// What the simulation refuses to work with. Order-level problems are not errors: they come back as
/// `.rejected` events. These are caller mistakes that would make the simulation wrong.
public enum SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A bar field is unusable (NaN, infinite, not positive, or inconsistent with the others).
    case invalidBar(symbol: String, time: Int64, field: String, value: Double, expected: String)
    /// A bar does not come strictly after the previously processed bar of the same instrument.
    case barOutOfOrder(symbol: String, time: Int64, previousTime: Int64)
    /// ``SimulatedExchange/process(_:instrumentIndex:events:)`` got an index it does not list.
    case unknownInstrumentIndex(Int, count: Int)
    /// ``SimulatedExchange/init(instruments:timeframe:config:)`` got the same symbol twice.
    case duplicateInstrument(symbol: String)
    /// A ``MatchingConfig`` setting is out of range.
    case invalidConfig(field: String, value: String, expected: String)

    /// One line naming what failed, the bad value and what is expected.
    public var description: String {
        switch self {
        case let .invalidBar(symbol, time, field, value, expected):
            return "simulation: bar \(symbol) at \(time): \(field) is \(value), expected \(expected)"
        case let .barOutOfOrder(symbol, time, previousTime):
            return "simulation: bar \(symbol) at \(time) is not after the previous bar at \(previousTime);"
                + " feed bars in strictly increasing time order"
        case let .unknownInstrumentIndex(index, count):
            return "simulation: instrument index \(index) is out of range, expected 0..<\(count)"
        case let .duplicateInstrument(symbol):
            return "simulation: instrument \(symbol) is listed twice; list each symbol once"
        case let .invalidConfig(field, value, expected):
            return "simulation: config \(field) is \(value), expected \(expected)"
        }
    }
}
