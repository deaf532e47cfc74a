import GraphwizConfig
import Logging
import ServiceLifecycle
import TradingCore
import UnixSignals

/// Reloads the configuration on SIGHUP: strategy parameters change in the running sessions; an invalid file is
/// rejected with a log line naming every problem and the old configuration stays.
struct ReloadService: Service {
    let configPath: String?
    let sessions: [(strategy: StrategyConfig, session: any TradingSessionLifecycle)]
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
        }
    }
}
