import ArgumentParser

/// `graphwiz risk`: the persisted trading state (status, halt, resume) and VaR / CVaR reports.
public struct RiskCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Trading state (status, halt, resume) and value-at-risk reports.",
        subcommands: [RiskStatus.self, RiskResume.self, RiskHalt.self, RiskReport.self, RiskPromotion.self]
    )

    /// Required by ArgumentParser.
    public init() {}
}

/// The `--db` option shared by the state commands: the state file lives next to the database.
struct RiskStoreOptions: ParsableArguments {
    @Option(help: "Database file (default: $GRAPHWIZ_DB or data/graphwiz.sqlite); the state is risk-state.json beside it.")
    var db: String?

    var store: RiskStateStore { RiskStateStore(databasePath: StoreLocation.resolve(option: db)) }
}
