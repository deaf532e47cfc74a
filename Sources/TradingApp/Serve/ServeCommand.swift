import ArgumentParser
import Foundation
import GraphwizConfig
import Logging
import Persistence
import ServiceLifecycle
import TradingCore
import TradingModel
import UnixSignals

/// `graphwiz serve`: the long-lived trading service. A ServiceGroup of the store, one trading session per
/// configured strategy, the registered API/metrics services and the systemd notifier, in dependency order;
/// SIGTERM/SIGINT stop it gracefully within the deadline, SIGHUP reloads the configuration.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the trading service (simulation by default: generated bars through paper execution).")

    @Option(help: "YAML configuration file (default: the embedded config/default.yaml).")
    var config: String?
    @Option(help: "simulation, paper or live (overrides trading.mode).")
    var mode: String?
    @Option(help: "Seconds a graceful shutdown may take before the rest is canceled.")
    var shutdownDeadline = 30.0
    @Option(help: "Simulation: bars generated per symbol.")
    var bars = 2_000
    @Option(help: "Simulation: replay speed in bars per second (0 = as fast as possible).")
    var speed = 60.0
    @Option(help: "Simulation: generator seed.")
    var seed: UInt64 = 42
    @Flag(help: "Leave working orders at the venue on shutdown (default: cancel them).")
    var keepOrders = false
    @Option(help: "Database file (default: database.url of the config, or GRAPHWIZ_DB).")
    var db: String?

    public init() {}

    public func run() async throws {
        let logger = Logger(label: "graphwiz.serve")
        let environment = ProcessInfo.processInfo.environment
        let loader: ConfigLoader
        let appConfig: AppConfiguration
        do {
            loader = ConfigLoader(environment: try ConfigLoader.environment())
            appConfig = try config.map { try loader.load(file: $0) } ?? loader.loadDefault()
        } catch {
            throw ValidationError("\(error)")
        }
        let tradingMode: TradingMode
        if let mode {
            guard let parsed = TradingMode(rawValue: mode) else {
                throw ValidationError("--mode must be simulation, paper or live, got '\(mode)'")
            }
            tradingMode = parsed
        } else {
            tradingMode = appConfig.trading.mode
        }
        let venueMode = VenueMode(rawValue: tradingMode.rawValue) ?? .simulation
        let exchanges = appConfig.exchanges
        let venueName = venueMode == .simulation ? "sim" : (exchanges.kraken.enabled && !exchanges.binance.enabled ? "kraken" : "binance")
        let keys = venueName == "kraken" ? exchanges.kraken : exchanges.binance
        if venueMode == .live && (keys.apiKey.isEmpty || keys.apiSecret.isEmpty) {
            try TradeCredentials.require(venue: venueName, environment: environment)
        }
        let timeframe = try DataArguments.timeframe(appConfig.trading.timeframe, option: "trading.timeframe")
        var configured: String?
        switch appConfig.database.kind {
        case let .sqlite(path): configured = path
        case .postgres:
            if db == nil && environment[StoreLocation.environmentVariable] == nil {
                throw ValidationError("database.url is a PostgreSQL URL, which this build's store cannot open yet; "
                    + "pass --db FILE (SQLite) or set \(StoreLocation.environmentVariable)")
            }
        }
        if environment[StoreLocation.environmentVariable] != nil { configured = nil }
        let path = StoreLocation.resolve(option: db ?? configured)
        let store = try await SQLStore.open(path: path)
        let readiness = ServeReadiness()
        var sessionServices: [any Service] = []
        var reloadable: [(strategy: StrategyConfig, session: any TradingSessionLifecycle)] = []
        let prefix = TradeSessionFactory.uniqueIdPrefix()
        do {
            for (index, entry) in appConfig.trading.strategies.enumerated() {
                let symbols = entry.symbols.isEmpty ? appConfig.trading.symbols : entry.symbols
                guard let sizing = PositionSizing(entry.sizing) else {
                    throw ValidationError("trading.strategies[\(index)].sizing must be \(PositionSizing.syntax); got '\(entry.sizing)'")
                }
                let provider = SimulatedVenueProvider(bars: bars, seed: seed &+ UInt64(index * 1_000), barsPerSecond: speed,
                                                      cash: Fixed(appConfig.trading.initialCash))
                let connection = try await provider.connect(venue: venueName, mode: venueMode, symbols: symbols,
                                                            timeframe: timeframe)
                let sessionId = "\(tradingMode.rawValue)-\(index)-\(entry.name)"
                let session = try TradeSessionFactory.make(
                    strategy: entry.name, assignments: entry.params.keys.sorted().map { "\($0)=\(Self.text(entry.params[$0]!))" },
                    configuration: TradingSessionConfiguration(
                        sessionId: sessionId, symbols: symbols, timeframe: timeframe, sizing: sizing,
                        riskLimits: appConfig.risk, idPrefix: "\(prefix)s\(index)", cancelOrdersOnStop: !keepOrders),
                    connection: connection, journal: OrderJournalStore(store: store),
                    logger: Logger(label: "graphwiz.session.\(index)"))
                reloadable.append((entry, session))
                sessionServices.append(SessionService(
                    session: session, symbols: symbols, timeframe: timeframe,
                    initialEquity: Fixed(appConfig.trading.initialCash), storeRun: venueMode != .live, store: store,
                    readiness: readiness, logger: logger))
            }
        } catch {
            try? await store.close()
            throw ValidationError("\(error)")
        }
        var extra: [any Service] = []
        let context = ServeContext(sessions: reloadable.map { $0.session }, store: store, logger: logger)
        for builder in ServeHooks.registered { extra += try await builder(context) }
        let services: [any Service] = [StoreService(store: store, logger: logger)] + sessionServices + extra
            + [ReloadService(configPath: config, sessions: reloadable, logger: logger),
               NotifyService(notifier: SystemdNotifier(environment: environment), readiness: readiness,
                             sessions: sessionServices.count)]
        var groupConfiguration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                           logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .milliseconds(Int64(shutdownDeadline * 1_000))
        logger.info("serving", metadata: ["mode": "\(tradingMode.rawValue)", "sessions": "\(sessionServices.count)",
                                          "store": "\(path)"])
        try await ServiceGroup(configuration: groupConfiguration).run()
        logger.info("stopped cleanly")
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
