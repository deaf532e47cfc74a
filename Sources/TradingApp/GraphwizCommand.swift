import ArgumentParser

/// The `graphwiz` command line: research, trading and service commands.
public struct GraphwizCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "graphwiz",
        abstract: "Algorithmic crypto trading: data, indicators, backtests, optimization and live trading.",
        version: "0.1.0",
        subcommands: [
            BacktestCommand.self, SweepCommand.self, StrategiesCommand.self, DataCommand.self, RunsCommand.self,
            RiskCommand.self, GraphCommand.self, ConfigCommand.self, BenchCommand.self, AuthCommand.self, APICommand.self,
            SecretsCommand.self, TradeCommand.self, ServeCommand.self, ExchangeCommand.self,
        ]
    )

    public init() {}
}
