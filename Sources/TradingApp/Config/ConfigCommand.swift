import ArgumentParser

/// `graphwiz config`: check and show the YAML configuration.
public struct ConfigCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Validate and show the configuration (secrets shown as ***).",
        subcommands: [ConfigValidate.self, ConfigShow.self]
    )

    /// Required by ArgumentParser.
    public init() {}
}
