import Alerts
import ArgumentParser
import Foundation
import GraphwizConfig
import KnowledgeGraph
import Logging
import Persistence
import ServiceLifecycle
import Strategies
import TradingAPI
import TradingCore
import TradingModel

/// Everything `graphwiz serve` runs, built in dependency order: store, logging, secrets, the live-mode key and
/// secret checks, risk engines, venue connections and sessions, the control, the API and metrics servers, samplers and alerts.
struct ServeSetup {
    var groupConfiguration: ServiceGroupConfiguration
    var control: SessionTradingControl
    var logger: Logger
    /// The provenance writer (orders and fills into the embedded graph), nil when the store is not SQLite.
    var provenance: ProvenanceWriter?

    static func make(plan: ServePlan, command: ServeCommand) async throws -> ServeSetup {
        let logger = Logger(label: "graphwiz.serve")
        let store: SQLStore
        if case .sqlite = plan.database {
            store = try await SQLStore.open(plan.database, migrations: EmbeddedGraphStore.migrations)
        } else {
            store = try await SQLStore.open(plan.database)
        }
        do {
            return try await make(plan: plan, command: command, store: store, logger: logger)
        } catch {
            try? await store.close()
            throw error
        }
    }

    private static func make(plan: ServePlan, command: ServeCommand, store: SQLStore, logger: Logger) async throws
        -> ServeSetup {
        var appConfig = plan.appConfig
        do { try LoggingBootstrap.apply(appConfig.logging) } catch { throw ValidationError("\(error)") }
        if let encoded = plan.environment[MasterKey.environmentVariable], !encoded.isEmpty {
            let key = try MasterKey(base64: encoded)
            appConfig = try await SecretResolver(vault: SecretVault(store: store, key: key)).resolve(appConfig)
        }
        let venues = ServeVenues(plan: plan, exchanges: appConfig.exchanges, promotion: appConfig.risk.promotion,
                                 command: command)
        try venues.requireCredentials()
        do {
            try APISecurity.requireProductionSecret(appConfig.security.jwtSecret, mode: plan.mode)
        } catch { throw ValidationError("\(error)") }
        let security: APISecurity
        do { security = try APISecurity(config: appConfig.security) } catch { throw ValidationError("\(error)") }

        let readiness = ServeReadiness()
        let built = try await ServeSessions.build(plan: plan, venues: venues, command: command, store: store,
                                                  readiness: readiness, logger: logger)
        let limits = ["max_drawdown": appConfig.risk.maxDrawdown, "max_position_fraction": appConfig.risk.maxPositionFraction,
                      "daily_loss_limit": appConfig.risk.dailyLossLimit, "max_gross_exposure": appConfig.risk.maxGrossExposure]
        let location = plan.database.description
        let alertsEnabled = appConfig.monitoring.alerts.enabled
        var provenance: ProvenanceWriter?
        if case .sqlite = plan.database {
            provenance = ProvenanceWriter(store: EmbeddedGraphStore(store: store),
                                          runId: "serve-\(TradeSessionFactory.uniqueIdPrefix())")
        }
        let writer = provenance
        let control = SessionTradingControl(
            entries: built.entries, limits: limits, configurationYAML: (try? appConfig.redactedYAML()) ?? "",
            health: {
                [ComponentHealth(name: "store", status: .up, detail: location),
                 ComponentHealth(name: "alerts", status: .up, detail: alertsEnabled ? "evaluating" : "disabled"),
                 writer.map { writer in
                     let stats = writer.statistics
                     return ComponentHealth(name: "graph", status: stats.failed > 0 ? .degraded : .up,
                                            detail: "embedded provenance: \(stats.written) records written, \(stats.dropped) dropped")
                 } ?? ComponentHealth(name: "graph", status: .up, detail: "provenance off (needs the SQLite store)")]
            },
            backtestRunner: DemoAccount.runBacktest)
        await control.connect()

        let host = command.host
        let demoToken: String? = command.demo
            ? try await APITokenIssuer(secret: security.jwtSecret)
                .issue(subject: "demo-viewer", role: .viewer, ttl: Double((command.seconds ?? 20) + 3_600))
            : nil
        let api = try await buildApplication(
            control: control, security: security, host: host, port: plan.httpPort,
            logger: Logger(label: "graphwiz.api"),
            onServerRunning: { port in
                print("graphwiz serve: dashboard and API on http://\(host):\(port)/")
                if let demoToken { print("graphwiz serve: viewer token: \(demoToken)") }
                fflush(nil)
            })
        let metrics = MetricsServer.buildApplication(
            registry: APIMetrics.bootstrap(), host: host, port: plan.metricsPort,
            logger: Logger(label: "graphwiz.metrics"),
            onServerRunning: { port in
                print("graphwiz serve: metrics on http://\(host):\(port)/metrics")
                fflush(nil)
            })
        var services: [any Service] = [StoreService(store: store, logger: logger)]
        if let provenance { services.append(ProvenanceWriterService(writer: provenance)) }
        if case .sqlite = plan.database {
            // The market graph (markets, statistics, regimes, patterns, correlations) from the stored bars, refreshed
            // every `knowledge_graph.update_interval_s`, with the retention policy applied after each refresh.
            let graph = EmbeddedGraphStore(store: store)
            let feed = CorrelationFeedService.make(source: GraphCorrelationSource(store: graph), entries: built.entries,
                                                   logger: logger)
            let updater = GraphUpdater(store: graph, source: StoredMarketSeriesSource(store: store),
                                       configuration: GraphUpdater.Configuration(knowledgeGraph: appConfig.knowledgeGraph),
                                       onRefresh: feed.onRefresh)
            services += [GraphUpdaterService(updater: updater), feed.service]
        }
        services += built.venueServices + [UpdatePumpService(control: control)] + built.services
        services += [api, metrics, MetricsPublisher(control: control, interval: .seconds(2))]
        if let provenance {
            var strategies: [String: String] = [:]
            for entry in built.entries { for symbol in entry.symbols { strategies[symbol] = entry.strategy } }
            services.append(ProvenanceFeedService(writer: provenance, control: control, strategies: strategies))
        }
        if alertsEnabled {
            let alerts = appConfig.monitoring.alerts
            services.append(AlertService(
                center: AlertCenter(thresholds: alerts.thresholds,
                                    dispatcher: AlertDispatcher(channels: alerts.channels, retry: alerts.retryPolicy)),
                control: control, interval: .seconds(max(1, alerts.evaluationIntervalS)),
                rejectionWindow: Double(alerts.rejectionWindowS), logger: logger))
        }
        let context = ServeContext(sessions: built.entries.map(\.session), store: store, logger: logger)
        for builder in ServeHooks.registered { services += try await builder(context) }
        services += [StreamCloserService(control: control),
                     ReloadService(configPath: command.demo ? nil : command.config, sessions: built.reloadable, logger: logger),
                     NotifyService(notifier: SystemdNotifier(environment: plan.environment), readiness: readiness,
                                   sessions: built.services.count)]
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(command.shutdownDeadline * 1_000))
        logger.info("serving", metadata: ["mode": "\(plan.mode.rawValue)", "sessions": "\(built.services.count)",
                                          "store": "\(location)"])
        return ServeSetup(groupConfiguration: configuration, control: control, logger: logger, provenance: provenance)
    }
}
