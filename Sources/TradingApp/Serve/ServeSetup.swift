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
    /// The provenance writer (signals, risk checks, orders and fills into the knowledge graph), nil when the graph
    /// is off.
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

        let graph = try await ServeGraph.open(config: appConfig, database: plan.database, sql: store,
                                              runId: "serve-\(TradeSessionFactory.uniqueIdPrefix())", logger: logger)
        do {
            return try await make(plan: plan, command: command, store: store, logger: logger, appConfig: appConfig,
                                  security: security, venues: venues, graph: graph)
        } catch {
            await graph.close()
            throw error
        }
    }

    private static func make(plan: ServePlan, command: ServeCommand, store: SQLStore, logger: Logger,
                             appConfig: AppConfiguration, security: APISecurity, venues: ServeVenues,
                             graph: ServeGraph) async throws
        -> ServeSetup {
        let readiness = ServeReadiness()
        let built = try await ServeSessions.build(plan: plan, venues: venues, command: command, store: store,
                                                  readiness: readiness, logger: logger)
        let limits = SessionTradingControl.shownLimits(appConfig.risk)
        let location = plan.database.description
        let alertsEnabled = appConfig.monitoring.alerts.enabled
        let control = SessionTradingControl(
            entries: built.entries, limits: limits, configurationYAML: (try? appConfig.redactedYAML()) ?? "",
            health: {
                [ComponentHealth(name: "store", status: .up, detail: location),
                 ComponentHealth(name: "alerts", status: .up, detail: alertsEnabled ? "evaluating" : "disabled"),
                 graph.health()]
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
        // Knowledge graph (see ServeGraph): pool, provenance writer and feed, updater; before the sessions.
        services += await graph.services(entries: built.entries, sql: store, configuration: appConfig.knowledgeGraph,
                                         logger: logger)
        services += built.venueServices + [UpdatePumpService(control: control)] + built.services
        services += [api, metrics, MetricsPublisher(control: control, interval: .seconds(2))]
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
                     ReloadService(configPath: command.demo ? nil : command.config, sessions: built.reloadable,
                                   control: control, logger: logger),
                     NotifyService(notifier: SystemdNotifier(environment: plan.environment), readiness: readiness,
                                   sessions: built.services.count)]
        var configuration = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger)
        configuration.maximumGracefulShutdownDuration = .milliseconds(Int64(command.shutdownDeadline * 1_000))
        logger.info("serving", metadata: ["mode": "\(plan.mode.rawValue)", "sessions": "\(built.services.count)",
                                          "store": "\(location)", "graph": "\(graph.location)"])
        return ServeSetup(groupConfiguration: configuration, control: control, logger: logger,
                          provenance: graph.provenance)
    }
}
