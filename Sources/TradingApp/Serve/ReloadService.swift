import GraphwizConfig
import Logging
import ServiceLifecycle
import TradingCore
import UnixSignals

/// Reloads the configuration on SIGHUP: the log levels, each session's strategy parameters and risk limits
/// (`risk:` section) change in the running service; an invalid file is rejected with a log line naming every
/// problem and the old configuration stays. What needs a restart (the strategies' names, symbols, sizing, mode,
/// database, ports, the protective exits of open positions) is logged as such.
struct ReloadService: Service {
    let configPath: String?
    let sessions: [(strategy: StrategyConfig, session: any TradingSessionLifecycle)]
    /// The API's view of the service (shown limits, redacted config), updated after a reload.
    let control: SessionTradingControl?
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            await reload()
        }
    }

    /// Reads the file again and applies what may change without a restart.
    func reload() async {
        guard let configPath else {
            logger.info("SIGHUP: no --config file, nothing to reload")
            return
        }
        let configuration: AppConfiguration
        do {
            configuration = try ConfigLoader(environment: try ConfigLoader.environment()).load(file: configPath)
        } catch {
            logger.error("config reload rejected, keeping the previous configuration: \(error)")
            return
        }
        do {
            try LoggingBootstrap.apply(configuration.logging)
        } catch {
            logger.error("config reload: logging settings rejected, keeping the previous ones: \(error)")
        }
        for (index, entry) in sessions.enumerated() {
            guard index < configuration.trading.strategies.count else { continue }
            let next = configuration.trading.strategies[index]
            guard next.name == entry.strategy.name else {
                logger.warning("config reload: strategy \(index) changed from \(entry.strategy.name) to \(next.name); a restart is needed for that")
                continue
            }
            let values = next.params.mapValues { $0 == $0.rounded() && abs($0) < 1e15 ? ParameterValue.int(Int($0)) : .double($0) }
            do {
                let applied = try await entry.session.updateParameters(values)
                logger.info("config reloaded: \(entry.session.sessionId) parameters now \(applied.summary)")
            } catch {
                logger.error("config reload rejected for \(entry.session.sessionId), keeping its parameters: \(error)")
            }
            await reloadRisk(configuration.risk, session: entry.session)
        }
        await control?.reloaded(limits: configuration.risk, configurationYAML: (try? configuration.redactedYAML()) ?? "")
    }

    /// Gives the session the new `risk:` limits; the protective exits of open positions stay as they were opened.
    func reloadRisk(_ limits: RiskLimits, session: any TradingSessionLifecycle) async {
        do {
            let changed = try await session.updateRiskLimits(limits)
            guard !changed.isEmpty else { return }
            logger.info("config reloaded: \(session.sessionId) risk limits changed: \(changed.joined(separator: ", "))")
            if changed.contains("protective_exits") {
                logger.warning("config reload: risk.protective_exits changed; open positions keep their exits and new ones use the old policy until a restart")
            }
        } catch {
            logger.error("config reload rejected for \(session.sessionId), keeping its risk limits: \(error)")
        }
    }
}
