import ArgumentParser
import TradingCore

/// `--risk` and the limit overrides of `graphwiz backtest`: run the full RiskEngine instead of the basic checks.
struct BacktestRiskOptions: ParsableArguments {
    @Flag(help: "Run the risk engine (position, exposure, rate, correlation limits; daily loss; drawdown halt).")
    var risk = false

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

    /// Fails parsing early with the message of ``limits()``.
    func validate() throws { _ = try limits() }

    /// The limits to run with, or nil when no risk option was given.
    /// - Throws: `ValidationError` naming the option, the value and the allowed range.
    func limits() throws -> RiskLimits? {
        let any = risk || maxDrawdown != nil || dailyLoss != nil || maxPosition != nil || maxOrdersPerDay != nil || noFlattenOnHalt
        guard any else { return nil }
        var limits = RiskLimits()
        if let maxDrawdown { limits.maxDrawdown = maxDrawdown }
        if let dailyLoss { limits.dailyLossLimit = dailyLoss }
        if let maxPosition { limits.maxPositionFraction = maxPosition }
        if let maxOrdersPerDay { limits.maxOrdersPerDay = maxOrdersPerDay }
        limits.flattenOnHalt = !noFlattenOnHalt
        do { try limits.validate() } catch {
            let option = [
                "max_drawdown": "--max-drawdown", "daily_loss_limit": "--daily-loss",
                "max_position_fraction": "--max-position", "max_orders_per_day": "--max-orders-per-day",
            ][error.key] ?? error.key
            throw ValidationError("\(option): \(error.description)")
        }
        return limits
    }
}
