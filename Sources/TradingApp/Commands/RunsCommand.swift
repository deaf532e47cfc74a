import ArgumentParser

/// `graphwiz runs`: stored backtest and sweep runs.
public struct RunsCommand: AsyncParsableCommand {
    /// The `runs` subcommands; append new ones here.
    static let subcommandTypes: [any ParsableCommand.Type] = [RunsList.self, RunsShow.self]

    /// `runs` with the subcommands in ``subcommandTypes``.
    public static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List and show stored backtest and sweep runs.",
        subcommands: subcommandTypes
    )

    /// Required by ArgumentParser.
    public init() {}
}
