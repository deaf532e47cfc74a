import ArgumentParser
import GraphwizConfig
import Foundation

/// `--env-file`: the `.env` file whose variables feed `${VAR}` expansion and overrides.
struct ConfigEnvironmentOptions: ParsableArguments {
    @Option(help: "A .env file of KEY=VALUE variables (the real environment wins); ignored when missing.")
    var envFile = ".env"

    /// The process environment over the `.env` variables.
    func environment(process: [String: String]) throws(ConfigError) -> [String: String] {
        try ConfigLoader.environment(dotEnvFile: envFile, process: process)
    }
}

extension ConfigError {
    /// `<source>: N problem(s):` followed by one indented line per problem.
    func report(source: String) -> [String] {
        ["\(source): \(problems.count) problem\(problems.count == 1 ? "" : "s"):"] + problems.map { "  \($0)" }
    }
}
