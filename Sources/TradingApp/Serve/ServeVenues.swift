import Exchanges
import GraphwizConfig
import Logging
import Persistence
import TradingCore
import TradingModel

/// How `graphwiz serve` reaches its venue: through the same ``ExchangeVenueProvider`` as `trade`. `sim` replays
/// generated bars (simulation, or paper on generated bars); `binance` and `kraken` connect with the keys, testnet
/// flag and `base_url` of `exchanges.<venue>` (keys from `BINANCE_API_KEY`/`KRAKEN_API_KEY`... win over the file,
/// as for `trade`). Paper mode: the venue's live bars, orders filled by a `PaperExchange`. Live mode: the
/// adapter, refused without keys, each strategy's sizing scaled by the promotion gate.
struct ServeVenues {
    /// The venue names `--exchange` takes.
    static let names = ["sim"] + ExchangeVenue.allCases.map(\.rawValue)

    /// The plan (venue, mode, timeframe, database, environment).
    let plan: ServePlan
    /// The `exchanges:` section, with `secret:` references already resolved.
    let exchanges: ExchangesConfig
    /// The promotion criteria (`risk.promotion`).
    let promotion: PromotionCriteria
    /// Simulation options and `--skip-promotion-gate`.
    let command: ServeCommand

    /// The adapter venue of the plan, nil for `sim`.
    var exchangeVenue: ExchangeVenue? { ExchangeVenue(rawValue: plan.venueName) }

    /// Connection settings of `venue` from `exchanges` and the environment's keys.
    static func settings(_ venue: ExchangeVenue, exchanges: ExchangesConfig,
                         environment: [String: String]) -> ExchangeSettings {
        ExchangeConnectionOptions.settings(venue: venue, section: venue == .binance ? exchanges.binance : exchanges.kraken,
                                           environment: environment)
    }

    /// Refuses live mode on an adapter venue without both keys (naming the variables, never the values).
    func requireCredentials() throws {
        guard plan.venueMode == .live, let venue = exchangeVenue else { return }
        try TradeCredentials.require(Self.settings(venue, exchanges: exchanges, environment: plan.environment))
    }

    /// The provider of the session at `index` (each generated series has its own seed).
    func provider(session index: Int, cash: Double) -> ExchangeVenueProvider {
        let exchanges = self.exchanges
        let environment = plan.environment
        return ExchangeVenueProvider(
            simulated: SimulatedVenueProvider(bars: command.bars, seed: command.seed &+ UInt64(index * 1_000),
                                              barsPerSecond: plan.speed, cash: Fixed(cash)),
            settings: { venue in Self.settings(venue, exchanges: exchanges, environment: environment) })
    }

    /// The sizing `strategy` may trade with: unchanged outside live mode; in live mode scaled by the promotion
    /// gate (the same gate as `trade`; a strategy still on paper is refused with the gate's reason).
    func sizing(strategy: String, _ sizing: PositionSizing, logger: Logger) throws -> PositionSizing {
        guard plan.venueMode == .live else { return sizing }
        let databasePath: String
        switch plan.database {
        case let .sqlite(path): databasePath = path
        case let .postgres(url): databasePath = url
        }
        return try TradePromotionGate(skip: command.skipPromotionGate, databasePath: databasePath, config: nil,
                                      environment: plan.environment, criteria: promotion)
            .sizing(strategy: strategy, sizing) { line in
                // The gate logs its skip warning itself; its other answers go to the log here.
                if !line.hasPrefix("WARNING:") { logger.notice("\(line)") }
            }
    }
}
