import ArgumentParser

/// `graphwiz api`: run the HTTP API over a demo account (`graphwiz bench api` measures it).
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Serve the HTTP API and dashboard over an in-memory demo account.",
        subcommands: [APIDemo.self])
}
