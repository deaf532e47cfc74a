import ArgumentParser
import Logging
import Persistence
import ServiceLifecycle
import Strategies
import TradingCore
import TradingModel
import GraphwizConfig

/// The trading sessions of `graphwiz serve`, one per configured strategy, each with the risk engine of
/// `AppConfiguration.riskComponents`, its venue connection (``ServeVenues``) and its service.
struct ServeSessions {
    var entries: [SessionTradingControl.Entry] = []
    /// One ``SessionService`` per session.
    var services: [any Service] = []
    /// The venues' background work (live execution streams), to run before and stop after the sessions.
    var venueServices: [any Service] = []
    var reloadable: [(strategy: StrategyConfig, session: any TradingSessionLifecycle)] = []

    static func build(plan: ServePlan, venues: ServeVenues, command: ServeCommand, store: SQLStore,
                      readiness: ServeReadiness, logger: Logger) async throws -> ServeSessions {
        let appConfig = plan.appConfig
        var result = ServeSessions()
        let prefix = TradeSessionFactory.uniqueIdPrefix()
        do {
            for (index, entry) in appConfig.trading.strategies.enumerated() {
                let symbols = entry.symbols.isEmpty ? appConfig.trading.symbols : entry.symbols
                guard let configured = PositionSizing(entry.sizing) else {
                    throw ValidationError("trading.strategies[\(index)].sizing must be \(PositionSizing.syntax); got '\(entry.sizing)'")
                }
                let sizing = try venues.sizing(strategy: entry.name, configured, logger: logger)
                let type = try StrategyRegistry.strategy(named: entry.name)
                // The session builds this same engine (limits, cooldown, pair lock) from `riskLimits`; building it
                // here refuses bad limits before anything starts, naming the key. The strategy's protective exits
                // (risk.protective_exits with its per-strategy overrides) go to the session's kernel.
                let components = try appConfig.riskComponents(strategy: entry.name, allowShort: false)
                let provider = venues.provider(session: index, cash: appConfig.trading.initialCash)
                let connection = try await provider.connect(venue: plan.venueName, mode: plan.venueMode, symbols: symbols,
                                                            timeframe: plan.timeframe)
                if let work = connection.background { result.venueServices.append(VenueStreamService(work: work)) }
                let configuration = TradingSessionConfiguration(
                    sessionId: sessionId(plan: plan, index: index, strategy: entry.name), symbols: symbols, timeframe: plan.timeframe,
                    sizing: sizing, riskLimits: appConfig.risk, idPrefix: "\(prefix)s\(index)",
                    cancelOrdersOnStop: !command.keepOrders, exits: components.exits)
                let session = try TradeSessionFactory.make(
                    strategy: entry.name, assignments: entry.params.keys.sorted().map { "\($0)=\(text(entry.params[$0]!))" },
                    configuration: configuration, connection: connection, journal: OrderJournalStore(store: store),
                    logger: Logger(label: "graphwiz.session.\(index)"))
                result.reloadable.append((entry, session))
                result.entries.append(SessionTradingControl.Entry(session: session, strategy: entry.name, symbols: symbols,
                                                                  space: type.parameterSpace))
                result.services.append(SessionService(
                    session: session, symbols: symbols, timeframe: plan.timeframe,
                    initialEquity: Fixed(appConfig.trading.initialCash), storeRun: plan.venueMode != .live, store: store,
                    readiness: readiness, logger: logger))
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
        return result
    }

    /// `<mode>-<index>-<strategy>` on the sim venue, `<mode>-<venue>-<index>-<strategy>` on an exchange (the
    /// journal is reconciled per session id, so a session never adopts another venue's orders).
    static func sessionId(plan: ServePlan, index: Int, strategy: String) -> String {
        plan.venueName == "sim" ? "\(plan.mode.rawValue)-\(index)-\(strategy)"
            : "\(plan.mode.rawValue)-\(plan.venueName)-\(index)-\(strategy)"
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
