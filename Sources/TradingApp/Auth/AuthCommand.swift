import ArgumentParser
import TradingAPI

/// `graphwiz auth`: credentials for the HTTP API.
struct AuthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auth",
        abstract: "Issue API tokens and API keys.",
        subcommands: [AuthToken.self, AuthAPIKey.self])
}

extension APIRole: ExpressibleByArgument {}
