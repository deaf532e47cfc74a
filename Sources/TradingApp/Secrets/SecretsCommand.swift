import ArgumentParser

/// `graphwiz secrets`: secrets encrypted at rest under `GRAPHWIZ_MASTER_KEY`.
public struct SecretsCommand: AsyncParsableCommand {
    /// `secrets` with set, list and rm.
    public static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Store, list and remove secrets encrypted with AES-256-GCM under $GRAPHWIZ_MASTER_KEY.",
        discussion: """
            Reference a stored secret from the configuration as `secret:NAME` (for example \
            `exchanges.binance.api_key: secret:binance_api_key`). Values are never printed or logged.
            """,
        subcommands: [SecretsSet.self, SecretsList.self, SecretsRemove.self]
    )

    /// Required by ArgumentParser.
    public init() {}
}
