import ArgumentParser
import Foundation
import GraphwizConfig
import TradingCore

/// `--risk`, the limit overrides, the protective exits and `--config` of `graphwiz backtest`: run the full
/// RiskEngine instead of the basic checks, and protect every position.
struct BacktestRiskOptions: ParsableArguments {
    @Flag(help: "Run the risk engine (position, exposure, rate, correlation limits; daily loss; drawdown halt).")
    var risk = false

    @Option(help: "A configuration file: its `risk:` section (limits, exits with per-strategy overrides, cooldown, pair lock) is used. Implies --risk; the options below override it.")
    var config: String?

    @Option(help: "Max drawdown from the equity peak before the emergency halt (fraction, default 0.15). Implies --risk.")
    var maxDrawdown: Double?

    @Option(help: "Daily loss from the start-of-UTC-day equity that switches to REDUCING (fraction, default 0.05). Implies --risk.")
    var dailyLoss: Double?

    @Option(help: "Max position value as a fraction of equity (default 0.1). Implies --risk.")
    var maxPosition: Double?

    @Option(help: "Max orders per UTC day (default 100). Implies --risk.")
    var maxOrdersPerDay: Int?

    @Flag(help: "Do not close positions on the emergency halt (only cancel orders).")
    var noFlattenOnHalt = false

    @Option(help: "Stop-loss of every position: percent (2%), ATR multiple (3atr) or price (61000).")
    var stopLoss: String?

    @Option(help: "Take-profit of every position: percent (4%), ATR multiple (6atr) or price.")
    var takeProfit: String?

    @Option(help: "Trailing stop behind the best price since entry: percent (2%), ATR multiple (3atr) or price distance.")
    var trailingStop: String?

    @Option(help: "Close positions after N bars (48) or a duration (2d, 12h).")
    var timeStop: String?

    @Option(help: "After this favourable move (1%, 2atr or a distance) the stop moves to entry plus fees.")
    var breakEven: String?

    @Flag(help: "Emulate the protective exits in the kernel instead of resting stop / take-profit orders at the simulated venue.")
    var emulateExits = false

    /// Fails parsing early with the messages of ``limits(environment:)`` and ``exits(strategy:environment:)``.
    func validate() throws {
        _ = try limits()
        _ = try exits(strategy: "")
    }

    /// The configuration file, when given.
    func loadConfig(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration? {
        guard let config else { return nil }
        do {
            return try ConfigLoader(environment: ConfigLoader.environment(process: environment)).load(file: config)
        } catch {
            throw ValidationError("--config: " + error.report(source: config).joined(separator: "\n"))
        }
    }

    /// The limits to run with, or nil when no risk option was given.
    /// - Throws: `ValidationError` naming the option, the value and the allowed range.
    func limits(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RiskLimits? {
        let file = try loadConfig(environment: environment)
        let any = risk || file != nil || maxDrawdown != nil || dailyLoss != nil || maxPosition != nil
            || maxOrdersPerDay != nil || noFlattenOnHalt
        guard any else { return nil }
        var limits = file?.risk ?? RiskLimits()
        if let maxDrawdown { limits.maxDrawdown = maxDrawdown }
        if let dailyLoss { limits.dailyLossLimit = dailyLoss }
        if let maxPosition { limits.maxPositionFraction = maxPosition }
        if let maxOrdersPerDay { limits.maxOrdersPerDay = maxOrdersPerDay }
        if noFlattenOnHalt { limits.flattenOnHalt = false }
        do { try limits.validate() } catch {
            let option = [
                "max_drawdown": "--max-drawdown", "daily_loss_limit": "--daily-loss",
                "max_position_fraction": "--max-position", "max_orders_per_day": "--max-orders-per-day",
            ][error.key] ?? error.key
            throw ValidationError("\(option): \(error.description)")
        }
        return limits
    }

    /// The protective exits of `strategy`: the configuration file's (defaults with the strategy's override),
    /// then each exit option given; nil when none is set.
    /// - Throws: `ValidationError` naming the option, the text and the accepted forms.
    func exits(strategy: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProtectiveExitPolicy? {
        var policy = try loadConfig(environment: environment)?.risk.protectiveExits.policy(for: strategy) ?? ProtectiveExitPolicy()
        do {
            if let stopLoss { policy.stopLoss = try ExitDistance(parsing: stopLoss, key: "--stop-loss") }
            if let takeProfit { policy.takeProfit = try ExitDistance(parsing: takeProfit, key: "--take-profit") }
            if let trailingStop { policy.trailingStop = try ExitDistance(parsing: trailingStop, key: "--trailing-stop") }
            if let timeStop { policy.timeStop = try TimeStop(parsing: timeStop, key: "--time-stop") }
            if let breakEven { policy.breakEven = try ExitDistance(parsing: breakEven, key: "--break-even") }
        } catch {
            throw ValidationError(error.description)
        }
        return policy.isEmpty ? nil : policy
    }
}
