import Foundation
import Logging
import Strategies
import TradingCore
import TradingModel

/// Builds a ``TradingSession`` for a strategy chosen by name (the registry's types are opened here).
public enum TradeSessionFactory {
    /// A session of the strategy `name` with `assignments` (`k=v`) over `connection`.
    /// - Throws: a message naming the strategy or parameter that is wrong.
    public static func make(strategy name: String, assignments: [String], configuration: TradingSessionConfiguration,
                            connection: VenueConnection, journal: any OrderJournal, clock: any TradingClock = WallClock(),
                            logger: Logger) throws -> any TradingSessionLifecycle {
        let type: any Strategy.Type
        do { type = try StrategyRegistry.strategy(named: name) } catch { throw VenueProviderError(error.description) }
        return try open(type, assignments: assignments, configuration: configuration, connection: connection,
                        journal: journal, clock: clock, logger: logger)
    }

    private static func open<S: Strategy>(_ type: S.Type, assignments: [String],
                                          configuration: TradingSessionConfiguration, connection: VenueConnection,
                                          journal: any OrderJournal, clock: any TradingClock,
                                          logger: Logger) throws -> any TradingSessionLifecycle {
        let parameters: ParameterValues
        let strategy: S
        do {
            parameters = try S.parameterSpace.parse(assignments, strategy: S.name)
            strategy = try S(parameters: parameters)
        } catch {
            throw VenueProviderError(error.description)
        }
        return TradingSession(strategy: strategy, parameters: parameters, configuration: configuration,
                              exchange: connection.exchange, marketData: connection.marketData, journal: journal,
                              clock: clock, logger: logger)
    }

    /// A client order id prefix unique to this process start: `gw<base36 ms>`, so ids are never reused.
    public static func uniqueIdPrefix(now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)) -> String {
        "gw" + String(now, radix: 36)
    }
}
